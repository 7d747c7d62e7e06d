package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/**
 * Issue metadata: the newspaper's title, the issue date and each page's label, read from the
 * masthead and running heads when the page shows them, else from the file name.
 *
 * @param newspaper  newspaper title, or null when unknown
 * @param date       issue date as {@code yyyy-MM-dd}, or null when unknown
 * @param pageLabels page label per page as printed (the N of {@code 第N版}), null where none was read
 */
public record IssueMetadata(String newspaper, String date, List<String> pageLabels) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern LABEL = Pattern.compile("第\\s*([0-9A-Z]{1,4})\\s*版");
    private static final Pattern TITLE = Pattern.compile("\\p{IsHan}{2,12}");

    /**
     * @param pages             layouts of the issue's pages, in page order
     * @param fileName          the scanned PDF's file name
     * @param fileNamePattern   regular expression over the file name with optional named groups
     *                          {@code newspaper} and {@code date} ({@code yyyy-MM-dd}); null for none
     * @param defaultNewspaper  newspaper title from the job definition, used when the masthead is not
     *                          read and the file name gives none; may be null or blank
     * @return what could be read
     */
    public static IssueMetadata read(List<PageLayout> pages, String fileName, Pattern fileNamePattern,
                                     String defaultNewspaper) {
        String newspaper = null, date = null;
        List<String> labels = new ArrayList<>();
        for (PageLayout page : pages) {
            String label = null;
            for (int i = 0; i < page.lines().size(); i++) {
                LineRole role = page.roles().get(i);
                if (role != LineRole.MASTHEAD && role != LineRole.RUNNING_HEAD) {
                    continue;
                }
                String text = page.lines().get(i).text();
                Matcher d = DATE.matcher(text);
                if (date == null && d.find()) {
                    date = String.format("%s-%02d-%02d", d.group(1), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
                }
                Matcher l = LABEL.matcher(text);
                if (label == null && l.find()) {
                    label = l.group(1);
                }
            }
            if (newspaper == null && page.pageNo() == 1) {
                newspaper = title(page);
            }
            labels.add(label);
        }
        if (fileNamePattern != null) {
            Matcher m = fileNamePattern.matcher(fileName);
            if (m.find()) {
                if (date == null && hasGroup(fileNamePattern, "date")) {
                    date = m.group("date");
                }
                if (newspaper == null && hasGroup(fileNamePattern, "newspaper")) {
                    newspaper = m.group("newspaper");
                }
            }
        }
        if (newspaper == null && defaultNewspaper != null && !defaultNewspaper.isBlank()) {
            newspaper = defaultNewspaper.strip();
        }
        return new IssueMetadata(newspaper, date, labels);
    }

    /**
     * The newspaper's title from the front page's masthead: the tallest masthead line with the
     * masthead lines that are pieces of it ({@link LayoutRules.Lines#isMastheadPiece}: the pieces
     * of a title set in spaced-out type), left to right: 2 to 12 Han characters (晶報, 株洲日报) read with a confidence of at least
     * 0.85 (weighted by characters); null when there is no such title.
     */
    private static String title(PageLayout page) {
        OcrLine tallest = null;
        for (int i = 0; i < page.lines().size(); i++) {
            OcrLine l = page.lines().get(i);
            if (page.roles().get(i) == LineRole.MASTHEAD && (tallest == null || l.bbox().height() > tallest.bbox().height())) {
                tallest = l;
            }
        }
        if (tallest == null) {
            return null;
        }
        Bbox t = tallest.bbox();
        List<OcrLine> row = new ArrayList<>();
        for (int i = 0; i < page.lines().size(); i++) {
            Bbox b = page.lines().get(i).bbox();
            if (page.roles().get(i) == LineRole.MASTHEAD && LayoutRules.DEFAULT.lines().isMastheadPiece(b, t)) {
                row.add(page.lines().get(i));
            }
        }
        row.sort(Comparator.comparingInt(l -> l.bbox().x0()));
        StringBuilder text = new StringBuilder();
        double conf = 0;
        for (OcrLine l : row) {
            String s = l.text().replaceAll("\\s+", "");
            text.append(s);
            conf += s.length() * l.confidence();
        }
        return text.length() > 0 && conf / text.length() >= 0.85 && TITLE.matcher(text).matches() ? text.toString() : null;
    }

    private static boolean hasGroup(Pattern p, String name) {
        return p.pattern().contains("(?<" + name + ">");
    }
}
