package org.inkstone.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern TITLE = Pattern.compile("\\p{IsHan}{4,12}");

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
                if (newspaper == null && role == LineRole.MASTHEAD && page.pageNo() == 1 && page.lines().get(i).confidence() >= 0.9
                        && TITLE.matcher(text.strip()).matches()) {
                    newspaper = text.strip();
                }
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

    private static boolean hasGroup(Pattern p, String name) {
        return p.pattern().contains("(?<" + name + ">");
    }
}
