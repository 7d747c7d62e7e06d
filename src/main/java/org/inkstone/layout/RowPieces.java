package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrWord;
import org.inkstone.text.ChineseText;

/**
 * Pieces of one text line: line finding cuts a body line at a blank inside it (the empty half
 * cell after a full-width comma, the space before a name in a byline), and a piece that starts
 * mid-column would otherwise be taken for a column of its own. Horizontal lines of body size on
 * the same row, closer than a character apart (the blank half cell beside full-width punctuation
 * not counted) and together no wider than a column, are one line for the layout analysis,
 * unless the right one starts where a column starts (where the left edges of several lines lie)
 * and together they do not fill a column's measure (within a character). Thresholds: {@link LayoutRules.Lines#rowPieceGap()} and
 * {@link LayoutRules.Lines#rowPieceWidth()}.
 *
 * @param lines  the page's lines with the pieces of each line joined, in order of their first piece
 * @param pieces for each of those, the indices of the page's lines it is made of, left to right
 */
record RowPieces(List<OcrLine> lines, List<List<Integer>> pieces) {

    /**
     * Joins the pieces of the page's horizontal body lines.
     *
     * @param lines the page's lines
     * @param rules line thresholds (body type measurement, piece gap and width)
     * @return the joined lines and what each is made of; the page's lines unchanged (one piece
     *         each) when there is nothing to join
     */
    static RowPieces join(List<OcrLine> lines, LayoutRules.Lines rules) {
        List<OcrLine> across = lines.stream().filter(l -> !l.vertical()).toList();
        BodyType body = BodyType.measure(across, true, rules);
        double colWidth = Measure.median(across.stream().filter(l -> Measure.chars(l) >= rules.pitchMinChars()
                        && Math.abs(l.bbox().height() - body.size()) < rules.pitchSizeTolerance() * body.size())
                .mapToDouble(l -> l.bbox().width()).toArray(), 0);
        int n = lines.size();
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n && colWidth > 0; i++) {
            OcrLine l = lines.get(i);
            if (!l.vertical() && Math.abs(l.bbox().height() - body.size()) < rules.pitchSizeTolerance() * body.size()) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingInt(i -> lines.get(i).bbox().x0()));
        // left edges shared by several lines are where columns start: a line starting there is no piece
        int[] starts = candidates.stream().mapToInt(i -> lines.get(i).bbox().x0()).toArray();
        boolean any = false;
        for (int a = 0; a < candidates.size(); a++) {
            OcrLine left = lines.get(candidates.get(a));
            Bbox p = left.bbox();
            for (int b = a + 1; b < candidates.size(); b++) {
                OcrLine right = lines.get(candidates.get(b));
                Bbox q = right.bbox();
                double pitch = Math.max(body.pitch(), Math.max(pitch(left), pitch(right)));
                double gap = q.x0() - p.x1() - blankHalfCells(left, right, pitch);
                if (gap >= rules.rowPieceGap() * pitch) {
                    continue;
                }
                int vOverlap = Math.min(p.y1(), q.y1()) - Math.max(p.y0(), q.y0());
                int width = Math.max(p.x1(), q.x1()) - p.x0();
                // pieces filling one column's measure together are one line even where the blank
                // that cut them runs down a few lines and gives their right pieces one left edge
                boolean measure = Math.abs(width - colWidth) <= body.pitch();
                if (gap > -body.pitch() / 2 && (measure || !columnStart(starts, q.x0(), body.pitch() / 2, rules.rowPieceStarts()))
                        && vOverlap >= 0.5 * Math.min(p.height(), q.height()) && width <= rules.rowPieceWidth() * colWidth) {
                    parent[Measure.root(parent, candidates.get(a))] = Measure.root(parent, candidates.get(b));
                    any = true;
                }
            }
        }
        List<List<Integer>> pieces = new ArrayList<>();
        if (!any) {
            for (int i = 0; i < n; i++) {
                pieces.add(List.of(i));
            }
            return new RowPieces(lines, pieces);
        }
        Map<Integer, List<Integer>> sets = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            sets.computeIfAbsent(Measure.root(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<OcrLine> joined = new ArrayList<>();
        for (List<Integer> set : sets.values()) {
            set.sort(Comparator.comparingInt(i -> lines.get(i).bbox().x0()));
            pieces.add(List.copyOf(set));
            joined.add(set.size() == 1 ? lines.get(set.get(0)) : joinLine(set.stream().map(lines::get).toList()));
        }
        return new RowPieces(joined, pieces);
    }

    /** Whether at least {@code min} of the sorted left edges lie within {@code tol} px of {@code x}. */
    private static boolean columnStart(int[] starts, int x, double tol, int min) {
        int n = 0;
        for (int s : starts) {
            n += Math.abs(s - x) <= tol ? 1 : 0;
        }
        return n >= min;
    }

    /** Width per character of a line of two or more characters, else 0, px. */
    private static double pitch(OcrLine l) {
        int c = Measure.chars(l);
        return c >= 2 ? (double) l.bbox().width() / c : 0;
    }

    /**
     * The blank part of the gap between two pieces, px: full-width punctuation inks one side of
     * its cell (a comma or full stop its left, an opening quote or bracket its right), so half a
     * character beside such a mark is not space between words.
     */
    private static double blankHalfCells(OcrLine left, OcrLine right, double pitch) {
        String l = left.text().strip(), r = right.text().strip();
        double blank = 0;
        if (!l.isEmpty() && "，。、；：！？”’）》」』】".indexOf(l.charAt(l.length() - 1)) >= 0) {
            blank += pitch / 2;
        }
        if (!r.isEmpty() && "“‘（《「『【".indexOf(r.charAt(0)) >= 0) {
            blank += pitch / 2;
        }
        return blank;
    }

    /** One line of pieces left to right: texts joined, boxes united, confidence weighted by characters. */
    private static OcrLine joinLine(List<OcrLine> parts) {
        List<OcrWord> words = new ArrayList<>();
        double conf = 0;
        int chars = 0;
        for (OcrLine p : parts) {
            words.addAll(p.words());
            int c = Math.max(1, Measure.chars(p));
            conf += c * p.confidence();
            chars += c;
        }
        return new OcrLine(ChineseText.joinWords(parts.stream().map(OcrLine::text).toList()),
                Bbox.union(parts.stream().map(OcrLine::bbox).toList()), conf / chars, words);
    }

    /**
     * The layout of the page's own lines from the layout of the joined ones: every piece takes its
     * line's role, and each module lists the pieces of its lines in their place.
     *
     * @param joined the layout of {@link #lines()}
     * @param page   the page's lines
     * @return the same layout over the page's lines
     */
    PageLayout expand(PageLayout joined, List<OcrLine> page) {
        if (lines.size() == page.size()) {
            return joined;
        }
        List<LineRole> roles = new ArrayList<>(java.util.Collections.nCopies(page.size(), LineRole.NOISE));
        for (int k = 0; k < pieces.size(); k++) {
            for (int i : pieces.get(k)) {
                roles.set(i, joined.roles().get(k));
            }
        }
        List<PageLayout.Module> modules = new ArrayList<>();
        for (PageLayout.Module m : joined.modules()) {
            modules.add(new PageLayout.Module(expand(m.headline()), expand(m.body()), m.paragraphs(), m.jumpFrom(),
                    m.jumpTo(), m.bbox(), m.certainty()));
        }
        return new PageLayout(joined.pageNo(), page, roles, modules, joined.bodyHeight());
    }

    private List<Integer> expand(List<Integer> joinedLines) {
        List<Integer> out = new ArrayList<>();
        joinedLines.forEach(k -> out.addAll(pieces.get(k)));
        return out;
    }
}
