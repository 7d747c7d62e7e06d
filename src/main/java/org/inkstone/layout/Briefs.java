package org.inkstone.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.text.ChineseText;
import org.inkstone.text.Paragraphs;

/**
 * Briefs: a column of short items under a label such as 简讯, 快讯, 资讯 or 小消息, each item a
 * heading (or a lead-in line) and a paragraph or two, is several articles, not one. A column
 * segment that opens with such a label is a module of its own ({@link HorizontalModules}), and
 * a module whose first line is the label is cut here into one module per item; the label is page
 * furniture ({@link LineRole#SECTION_LABEL}). An item starts at a headline line, or at a line
 * of a few characters set at the column's left edge that ends no sentence and is followed by an
 * indented line (the item's first paragraph), after a line that ends a sentence.
 */
final class Briefs {

    private static final String DECORATION = "\\s\\p{Punct}◇◆■□●○★☆【】〔〕「」|｜·•";
    /** The labels of a column of briefs, simplified and traditional, with any decoration round them. */
    static final Pattern LABEL = Pattern.compile("^[" + DECORATION + "]*(简讯|簡訊|快讯|快訊|资讯|資訊|短讯|短訊|速读|速讀|速览|速覽|小消息)["
            + DECORATION + "]*$");
    /** A lead-in line of a brief is at most this many characters. */
    private static final int HEAD_CHARS = 24;

    private Briefs() {
    }

    /**
     * @param page the layout of a page
     * @return the same layout with each module of briefs cut into its items; the page itself when it has none
     */
    static PageLayout split(PageLayout page) {
        List<OcrLine> lines = page.lines();
        List<LineRole> roles = new ArrayList<>(page.roles());
        List<PageLayout.Module> out = new ArrayList<>();
        boolean any = false;
        for (PageLayout.Module m : page.modules()) {
            List<Integer> all = new ArrayList<>(m.headline());
            all.addAll(m.body());
            if (all.isEmpty() || !isLabel(lines.get(all.get(0))) || m.jumpTo() != null
                    || all.stream().anyMatch(i -> lines.get(i).vertical())) {
                out.add(m);
                continue;
            }
            any = true;
            roles.set(all.get(0), LineRole.SECTION_LABEL);
            out.addAll(items(all.subList(1, all.size()), lines, roles));
        }
        return any ? new PageLayout(page.pageNo(), lines, roles, out, page.bodyHeight()) : page;
    }

    /** Whether a line is the label of a column of briefs. */
    static boolean isLabel(OcrLine line) {
        return LABEL.matcher(line.text().strip()).matches();
    }

    /** The items of a column of briefs, its lines after the label in reading order. */
    private static List<PageLayout.Module> items(List<Integer> rest, List<OcrLine> lines, List<LineRole> roles) {
        double pitch = Measure.median(rest.stream().map(lines::get).filter(l -> Measure.chars(l) >= 6)
                .mapToDouble(l -> (double) l.bbox().width() / Measure.chars(l)).toArray(), 1);
        int[][] column = columns(rest, lines, pitch);
        List<PageLayout.Module> out = new ArrayList<>();
        List<Integer> head = new ArrayList<>(), body = new ArrayList<>();
        for (int k = 0; k < rest.size(); k++) {
            int i = rest.get(k);
            OcrLine l = lines.get(i);
            boolean headline = roles.get(i) == LineRole.HEADLINE;
            boolean leadIn = Measure.chars(l) <= HEAD_CHARS && !ChineseText.endsSentence(l.text())
                    && l.bbox().x0() < column[k][0] + pitch / 2
                    && k + 1 < rest.size() && lines.get(rest.get(k + 1)).bbox().x0() >= column[k + 1][0] + pitch
                    && (body.isEmpty() || ChineseText.endsSentence(lines.get(body.get(body.size() - 1)).text()));
            if ((headline || leadIn) && (!body.isEmpty() || !head.isEmpty() && !headline)) {
                out.add(item(head, body, rest, column, lines, pitch));
                head = new ArrayList<>();
                body = new ArrayList<>();
            }
            if ((headline || leadIn) && body.isEmpty()) {
                head.add(i);
                roles.set(i, LineRole.HEADLINE);
            } else {
                body.add(i);
            }
        }
        if (!head.isEmpty() || !body.isEmpty()) {
            out.add(item(head, body, rest, column, lines, pitch));
        }
        return out;
    }

    private static PageLayout.Module item(List<Integer> head, List<Integer> body, List<Integer> rest, int[][] column,
                                          List<OcrLine> lines, double pitch) {
        Paragraphs text = new Paragraphs(pitch);
        for (int i : body) {
            int[] c = column[rest.indexOf(i)];
            text.add(lines.get(i), c[0], c[1]);
        }
        List<Integer> all = new ArrayList<>(head);
        all.addAll(body);
        Bbox box = Measure.box(lines, all);
        return new PageLayout.Module(List.copyOf(head), List.copyOf(body), text.paragraphs(), null, null, box);
    }

    /**
     * The text column of each line: the left and right edges (20th and 80th percentile of the
     * edges) of the lines that overlap it across by more than half a character.
     */
    private static int[][] columns(List<Integer> rest, List<OcrLine> lines, double pitch) {
        int[][] out = new int[rest.size()][];
        for (int k = 0; k < rest.size(); k++) {
            Bbox b = lines.get(rest.get(k)).bbox();
            List<Bbox> across = rest.stream().map(i -> lines.get(i).bbox())
                    .filter(o -> Math.min(o.x1(), b.x1()) - Math.max(o.x0(), b.x0()) > pitch / 2).toList();
            out[k] = new int[] {(int) Measure.percentile(across.stream().mapToDouble(Bbox::x0).toArray(), 0.2),
                    (int) Measure.percentile(across.stream().mapToDouble(Bbox::x1).toArray(), 0.8)};
        }
        return out;
    }
}
