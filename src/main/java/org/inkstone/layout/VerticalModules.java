package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.text.Paragraphs;

/**
 * Blocks and modules of vertical text (竖排), read right to left: lines standing side by side
 * form blocks, headline lines side by side form titles, and each block joins the module of the
 * continuation line or title at its right, or of the block above it (see {@link LayoutAnalyzer}).
 * Thresholds: {@link LayoutRules.Vertical}.
 */
final class VerticalModules {

    private final LayoutRules.Vertical rules;

    VerticalModules(LayoutRules.Vertical rules) {
        this.rules = rules;
    }

    /**
     * Which lines are vertical: {@link OcrLine#vertical()}, and a line of a character or two
     * standing beside a vertical line (less than its width apart, overlapping it in height) and
     * about as wide, such as the short last column of a paragraph.
     *
     * @param lines every line of the page
     * @return per line, whether it is vertical
     */
    boolean[] verticalLines(List<OcrLine> lines) {
        boolean[] v = new boolean[lines.size()];
        List<Bbox> columns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            v[i] = lines.get(i).vertical();
            if (v[i]) {
                columns.add(lines.get(i).bbox());
            }
        }
        for (int i = 0; i < lines.size() && !columns.isEmpty(); i++) {
            Bbox b = lines.get(i).bbox();
            if (v[i] || Measure.chars(lines.get(i)) > rules.besideMaxChars()) {
                continue;
            }
            for (Bbox c : columns) {
                int gap = Math.max(c.x0() - b.x1(), b.x0() - c.x1());
                if (gap >= 0 && gap < c.width() && Math.abs(b.width() - c.width()) <= rules.besideWidth() * c.width()
                        && b.y0() < c.y1() && b.y1() > c.y0()) {
                    v[i] = true;
                    break;
                }
            }
        }
        return v;
    }

    /**
     * The modules of a page's vertical lines, right to left, then top to bottom; a module reads
     * its title first, then its blocks top to bottom, each right to left, every line top to bottom.
     *
     * @param lines every line of the page
     * @param down  indices of its vertical lines
     * @param page  their roles (by position in {@code down}), markers and vertical body type
     * @param roles roles of every line of the page, filled in here for {@code down}
     * @param rules boxes of the page's rules, px: a block does not continue into the tier below across one
     * @return the modules
     */
    List<PageLayout.Module> modules(List<OcrLine> lines, List<Integer> down, LineClassifier.Classified page,
                                    List<LineRole> roles, List<Bbox> rules) {
        double bodyW = page.body().size(), pitch = page.body().pitch();
        PageRules lineRules = new PageRules(rules);
        Map<Integer, JumpMarker> markers = page.markers();
        List<Integer> members = new ArrayList<>(), heads = new ArrayList<>();
        for (int k = 0; k < down.size(); k++) {
            int i = down.get(k);
            LineRole r = page.roles().get(k);
            roles.set(i, r);
            if (r == LineRole.HEADLINE) {
                heads.add(i);
            } else if (r == LineRole.BODY || r == LineRole.JUMP_FROM || r == LineRole.JUMP_TO) {
                members.add(i);
            }
        }
        // blocks of lines side by side, and titles (main and sub-headlines side by side)
        List<List<Integer>> blocks = sideBySide(lines, members, this.rules.blockGap() * bodyW,
                this.rules.blockTopPitch() * pitch);
        List<List<Integer>> groups = sideBySide(lines, heads, 0, this.rules.blockTopPitch() * pitch);
        blocks.sort(Comparator.comparingInt((List<Integer> b) -> Measure.box(lines, b).y0())
                .thenComparingInt(b -> -Measure.box(lines, b).x1()));
        Map<List<Integer>, Anchor> anchorOf = new HashMap<>();
        // blocks that joined the article of the block above them (the next tier)
        List<List<Integer>> tiers = new ArrayList<>();
        int headless = 0;
        for (List<Integer> b : blocks) {
            Bbox bb = Measure.box(lines, b);
            int first = b.get(0);
            Anchor anchor = roles.get(first) == LineRole.JUMP_TO ? new Anchor.Continuation(first) : null;
            int bestGap = Integer.MAX_VALUE;
            for (int g = 0; g < groups.size() && roles.get(first) != LineRole.JUMP_TO; g++) {
                Bbox gb = Measure.box(lines, groups.get(g));
                int gap = gb.x0() - bb.x1();
                if (gap > -this.rules.headlineReach() * bodyW && gap <= this.rules.headlineGap() * bodyW && gap < bestGap
                        && gb.y0() < bb.y1() && gb.y1() > bb.y0() && gb.y0() <= bb.y0() + this.rules.headlineTopPitch() * pitch) {
                    bestGap = gap;
                    anchor = new Anchor.Title(g);
                }
            }
            // the next tier of an article: the block just above, over the same lines
            for (List<Integer> a : blocks) {
                Bbox ab = Measure.box(lines, a);
                int overlap = Math.min(ab.x1(), bb.x1()) - Math.max(ab.x0(), bb.x0());
                if (anchor == null && a != b && anchorOf.containsKey(a) && ab.y1() <= bb.y0() + this.rules.tierOverlapPitch() * pitch
                        && bb.y0() - ab.y1() <= this.rules.tierGapPitch() * pitch
                        && overlap >= this.rules.tierWidth() * Math.min(ab.width(), bb.width())
                        && !lineRules.between(ab, bb, bodyW / 2, pitch / 2)) {
                    anchor = anchorOf.get(a);
                    tiers.add(b);
                }
            }
            anchorOf.put(b, anchor != null ? anchor : new Anchor.Headless(headless++));
        }
        Map<Anchor, List<List<Integer>>> byAnchor = new LinkedHashMap<>();
        for (List<Integer> b : blocks) {
            byAnchor.computeIfAbsent(anchorOf.get(b), k -> new ArrayList<>()).add(b);
        }
        for (int g = 0; g < groups.size(); g++) {
            byAnchor.putIfAbsent(new Anchor.Title(g), new ArrayList<>());
        }
        List<PageLayout.Module> out = new ArrayList<>();
        for (var e : byAnchor.entrySet()) {
            List<Integer> head = e.getKey() instanceof Anchor.Title t ? groups.get(t.group()) : List.of();
            List<Integer> body = new ArrayList<>();
            List<Bbox> boxes = new ArrayList<>();
            head.forEach(i -> boxes.add(lines.get(i).bbox()));
            JumpMarker from = null, to = null;
            Paragraphs text = new Paragraphs(pitch);
            for (List<Integer> b : e.getValue()) {
                int top = (int) Measure.percentile(b.stream().mapToDouble(i -> lines.get(i).bbox().y0()).toArray(),
                        this.rules.edgePercentile());
                int bottom = (int) Measure.percentile(b.stream().mapToDouble(i -> lines.get(i).bbox().y1()).toArray(),
                        1 - this.rules.edgePercentile());
                for (int i : b) {
                    boxes.add(lines.get(i).bbox());
                    if (roles.get(i) == LineRole.JUMP_FROM) {
                        from = markers.get(i);
                    } else if (roles.get(i) == LineRole.JUMP_TO) {
                        to = markers.get(i);
                    } else {
                        body.add(i);
                        text.addVertical(lines.get(i), top, bottom);
                    }
                }
            }
            if (!body.isEmpty() || !head.isEmpty()) {
                double certainty = e.getValue().stream().anyMatch(tiers::contains) ? PageLayout.Join.BELOW.certainty() : 1;
                out.add(new PageLayout.Module(head, body, text.paragraphs(), from, to, Bbox.union(boxes), certainty));
            }
        }
        out.sort(Comparator.comparingInt((PageLayout.Module m) -> -m.bbox().x1()).thenComparingInt(m -> m.bbox().y0()));
        return out;
    }

    /**
     * Vertical lines that stand side by side: less than {@code maxGap} px apart (or less than the
     * wider line's width when 0), overlapping in height by {@link LayoutRules.Vertical#levelOverlap()} of the shorter one or starting
     * within {@code topTol} px of each other (a paragraph's short last column beside the indented
     * first column of the next), chained.
     *
     * @return the sets of lines, each right to left
     */
    private List<List<Integer>> sideBySide(List<OcrLine> lines, List<Integer> members, double maxGap,
                                           double topTol) {
        int n = members.size();
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                Bbox p = lines.get(members.get(a)).bbox(), q = lines.get(members.get(b)).bbox();
                int gap = Math.max(p.x0() - q.x1(), q.x0() - p.x1());
                int vOverlap = Math.min(p.y1(), q.y1()) - Math.max(p.y0(), q.y0());
                double limit = maxGap > 0 ? maxGap : Math.max(p.width(), q.width());
                boolean level = vOverlap >= rules.levelOverlap() * Math.min(p.height(), q.height()) || Math.abs(p.y0() - q.y0()) <= topTol;
                if (gap < limit && level) {
                    parent[Measure.root(parent, a)] = Measure.root(parent, b);
                }
            }
        }
        Map<Integer, List<Integer>> sets = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            sets.computeIfAbsent(Measure.root(parent, k), r -> new ArrayList<>()).add(members.get(k));
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> set : sets.values()) {
            set.sort(Comparator.comparingInt((Integer i) -> -lines.get(i).bbox().x1()));
            out.add(set);
        }
        return out;
    }
}
