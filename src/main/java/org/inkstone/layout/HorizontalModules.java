package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.text.Paragraphs;

/**
 * Columns and modules of horizontal text: body lines clustered into columns by their left edges,
 * columns cut into segments at blanks and jump lines, and each segment joined to the module of
 * its title, of its continuation line, or of its neighbours (see {@link LayoutAnalyzer} for the
 * order of preference). Thresholds: {@link LayoutRules.Columns}.
 */
final class HorizontalModules {

    /** A text column: its lines' horizontal extent and its segments top to bottom. */
    private record Column(int x0, int x1, List<Segment> segments) {
    }

    /** A run of lines in one column. */
    private record Segment(int column, List<Integer> lines, Bbox box) {
        int y0() {
            return box.y0();
        }

        int y1() {
            return box.y1();
        }
    }

    private final LayoutRules.Columns rules;
    private final TitleStructure titles;

    HorizontalModules(LayoutRules.Columns rules, TitleStructure titles) {
        this.rules = rules;
        this.titles = titles;
    }

    /**
     * The modules of a page's horizontal lines, in reading order (by their first segment's column,
     * then height; title-only modules last).
     *
     * @param lines     the page's horizontal lines
     * @param page      their roles, markers and body type
     * @param pageWidth page image width, px
     * @param ruleBoxes the page's rules, px: a column segment ends at a horizontal rule, and no
     *                  segment takes the title or the module of a segment above such a rule
     * @param photos    the page's photos, px: a module's text above a photo spanning several of its
     *                  columns is read across those columns before the text below it
     * @return the modules
     */
    List<PageLayout.Module> modules(List<OcrLine> lines, LineClassifier.Classified page, int pageWidth,
                                    List<Bbox> ruleBoxes, List<Bbox> photos) {
        PageRules pageRules = new PageRules(ruleBoxes);
        List<LineRole> roles = page.roles();
        Map<Integer, JumpMarker> markers = page.markers();
        double bodyH = page.body().size(), pitch = page.body().pitch();
        double colWidth = Measure.median(indices(roles, LineRole.BODY).stream()
                .filter(i -> Measure.chars(lines.get(i)) >= rules.widthMinChars())
                .mapToDouble(i -> lines.get(i).bbox().width()).toArray(), pageWidth / 6.0);
        // text wrapped around a portrait: the photo each such line wraps around, and the left edge
        // of the lines beside each photo (a paragraph indent there is measured from it)
        double lineH = Measure.median(indices(roles, LineRole.BODY).stream()
                .mapToDouble(i -> lines.get(i).bbox().height()).toArray(), 1);
        Map<Integer, Bbox> around = new HashMap<>();
        Map<Bbox, Integer> besideEdge = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRole r = roles.get(i);
            Bbox p = r == LineRole.BODY || r == LineRole.JUMP_FROM || r == LineRole.JUMP_TO
                    ? wrappedAround(lines.get(i).bbox(), photos, lineH, colWidth) : null;
            if (p != null) {
                around.put(i, p);
                besideEdge.merge(p, lines.get(i).bbox().x0(), Math::min);
            }
        }
        List<Column> columns = columns(lines, roles, colWidth, pageRules, around);
        List<TitleStructure.Group> headlines = titles.groups(lines, indices(roles, LineRole.HEADLINE), pitch);
        // continuation markers set as the first words of a body line
        Map<Integer, JumpMarker.Leading> leading = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (roles.get(i) == LineRole.BODY) {
                int line = i;
                JumpMarker.parseLeading(lines.get(i).text()).ifPresent(m -> leading.put(line, m));
            }
        }
        Map<Integer, JumpMarker> continuations = new HashMap<>();
        markers.forEach((i, m) -> {
            if (roles.get(i) == LineRole.JUMP_TO) {
                continuations.put(i, m);
            }
        });
        leading.forEach((i, m) -> continuations.put(i, m.marker()));
        // a headline right below (or above) a continuation line repeats the continued article's headline
        Map<TitleStructure.Group, Integer> repeatOf = new HashMap<>();
        for (var e : continuations.entrySet()) {
            Bbox mb = lines.get(e.getKey()).bbox();
            for (TitleStructure.Group g : headlines) {
                // the repeated headline stands just below the continuation line, or just above it
                // when the line opens the first column under the headline
                boolean below = g.box().y0() >= mb.y1() - rules.repeatAbove() * bodyH
                        && g.box().y0() <= mb.y1() + rules.repeatBelow() * bodyH;
                boolean above = g.box().y1() <= mb.y0() + rules.repeatAbove() * bodyH
                        && g.box().y1() >= mb.y0() - rules.repeatBelow() * bodyH;
                if ((below || above) && g.box().x0() < mb.x0() + colWidth && g.box().x1() > mb.x0()) {
                    repeatOf.put(g, e.getKey());
                }
            }
        }
        Map<Segment, Anchor> anchorOf = new HashMap<>();
        // how each segment that joined another's module did so (segments under a title or
        // continuation line, and segments making a module of their own, are not listed)
        Map<Segment, PageLayout.Join> joinOf = new HashMap<>();
        List<Segment> done = new ArrayList<>();
        for (Column col : columns) {
            Segment prevInCol = null;
            for (Segment s : col.segments) {
                done.add(s);
                int first = s.lines.get(0);
                if (roles.get(first) == LineRole.JUMP_TO || leading.containsKey(first)) {
                    anchorOf.put(s, new Anchor.Continuation(first));
                } else if (Briefs.isLabel(lines.get(first))) {
                    anchorOf.put(s, new Anchor.BriefColumn(first));
                } else {
                    TitleStructure.Group best = headlineAbove(headlines, col, s, prevInCol, bodyH, pageRules);
                    if (best != null) {
                        anchorOf.put(s, repeatOf.containsKey(best) ? new Anchor.Continuation(repeatOf.get(best))
                                : new Anchor.Title(headlines.indexOf(best)));
                    }
                }
                prevInCol = s;
            }
        }
        // segments without a title of their own: a module's columns start together, so first a
        // neighbouring column's segment starting at the same height, then the segment above in the column
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < columns.size(); c++) {
                Segment prevInCol = null;
                for (Segment s : columns.get(c).segments) {
                    Segment above = prevInCol;
                    prevInCol = s;
                    if (anchorOf.containsKey(s)) {
                        continue;
                    }
                    // a byline or subhead of one or two lines set apart under a headline opens its column
                    Anchor a = above != null && above.lines.size() <= rules.openerLines()
                            && s.y0() - above.y1() < rules.openerGap() * bodyH ? anchorOf.get(above) : null;
                    PageLayout.Join join = PageLayout.Join.OPENER;
                    if (a == null && c > 0) {
                        a = neighbour(columns.get(c - 1), s, anchorOf, rules.alignedStart() * bodyH, true);
                        join = PageLayout.Join.ALIGNED;
                    }
                    if (a == null && c + 1 < columns.size()) {
                        a = neighbour(columns.get(c + 1), s, anchorOf, rules.alignedStart() * bodyH, true);
                    }
                    if (a != null) {
                        anchorOf.put(s, a);
                        joinOf.put(s, join);
                        changed = true;
                    }
                }
            }
        }
        int headless = 0;
        for (int c = 0; c < columns.size(); c++) {
            Segment prevInCol = null;
            for (Segment s : columns.get(c).segments) {
                if (!anchorOf.containsKey(s)) {
                    // a rule over the segment (a frame's bottom, a rule between items) starts a new item,
                    // unless the article at its left ends in that column without a jump line: it goes on here
                    boolean ruled = prevInCol != null && pageRules.between(prevInCol.box, s.box, bodyH / 2, bodyH / 4);
                    Anchor a = prevInCol != null && !ruled ? anchorOf.get(prevInCol) : null;
                    PageLayout.Join join = PageLayout.Join.BELOW;
                    if (a == null && c > 0) {
                        Column leftCol = columns.get(c - 1);
                        Segment left = neighbourSegment(leftCol, s, 0, false);
                        boolean runsOn = left != null && left == leftCol.segments.get(leftCol.segments.size() - 1)
                                && roles.get(left.lines.get(left.lines.size() - 1)) != LineRole.JUMP_FROM;
                        a = left == null || ruled && !runsOn ? null : anchorOf.get(left);
                        join = ruled ? PageLayout.Join.ACROSS_RULE : PageLayout.Join.BESIDE;
                    }
                    if (a != null) {
                        joinOf.put(s, join);
                    }
                    anchorOf.put(s, a != null ? a : new Anchor.Headless(headless++));
                }
                prevInCol = s;
            }
        }
        // modules in order of their first segment's column, then height
        Map<Anchor, List<Segment>> byAnchor = new LinkedHashMap<>();
        done.sort(Comparator.comparingInt((Segment s) -> s.column).thenComparingInt(Segment::y0));
        for (Segment s : done) {
            byAnchor.computeIfAbsent(anchorOf.get(s), k -> new ArrayList<>()).add(s);
        }
        List<PageLayout.Module> modules = new ArrayList<>();
        for (var e : byAnchor.entrySet()) {
            List<Integer> head = new ArrayList<>();
            if (e.getKey() instanceof Anchor.Title t) {
                head.addAll(headlines.get(t.group()).lines());
            } else if (e.getKey() instanceof Anchor.Continuation c) {
                repeatOf.forEach((g, m) -> {
                    if (m == c.line()) {
                        head.addAll(g.lines());
                    }
                });
            }
            List<Integer> body = new ArrayList<>();
            List<Bbox> boxes = new ArrayList<>();
            head.forEach(i -> boxes.add(lines.get(i).bbox()));
            JumpMarker from = null, to = null;
            Paragraphs text = new Paragraphs(pitch);
            for (Segment s : aroundPhotos(e.getValue(), columns, photos)) {
                Column col = columns.get(s.column);
                for (int i : s.lines) {
                    boxes.add(lines.get(i).bbox());
                    LineRole r = roles.get(i);
                    if (r == LineRole.JUMP_FROM) {
                        from = markers.get(i);
                    } else if (r == LineRole.JUMP_TO) {
                        to = markers.get(i);
                    } else if (leading.containsKey(i) && s.lines.get(0) == i) {
                        // the marker opening the line is the continuation line; the rest is text
                        JumpMarker.Leading lead = leading.get(i);
                        to = lead.marker();
                        body.add(i);
                        OcrLine l = lines.get(i);
                        text.add(new OcrLine(l.text().substring(lead.end()), l.bbox(), l.confidence(), l.words()),
                                col.x0, col.x1);
                    } else {
                        body.add(i);
                        text.add(lines.get(i), around.containsKey(i) ? besideEdge.get(around.get(i)) : col.x0, col.x1);
                    }
                }
            }
            if (body.isEmpty() && head.isEmpty()) {
                continue;
            }
            double certainty = e.getValue().stream().mapToDouble(x -> joinOf.containsKey(x) ? joinOf.get(x).certainty() : 1)
                    .min().orElse(1);
            modules.add(new PageLayout.Module(head, body, text.paragraphs(), from, to, Bbox.union(boxes), certainty));
        }
        // a title that heads no column segment is a piece of the title beside it on the same row
        // (the recogniser cut the line), or else a title-only module
        for (int g = 0; g < headlines.size(); g++) {
            TitleStructure.Group grp = headlines.get(g);
            if (byAnchor.containsKey(new Anchor.Title(g)) || repeatOf.containsKey(grp)) {
                continue;
            }
            int host = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int m = 0; m < modules.size(); m++) {
                PageLayout.Module mod = modules.get(m);
                if (mod.headline().isEmpty()) {
                    continue;
                }
                int gap = titles.gapBeside(Measure.box(lines, mod.headline()), grp, pitch);
                if (gap < bestGap) {
                    host = m;
                    bestGap = gap;
                }
            }
            if (host >= 0) {
                PageLayout.Module mod = modules.get(host);
                List<Integer> head = new ArrayList<>(mod.headline());
                head.addAll(grp.lines());
                head.sort(Comparator.comparingInt((Integer i) -> lines.get(i).bbox().y0() / Math.max(1, (int) bodyH))
                        .thenComparingInt(i -> lines.get(i).bbox().x0()));
                modules.set(host, mod.withHeadline(head, Bbox.union(List.of(mod.bbox(), grp.box()))));
            } else {
                modules.add(new PageLayout.Module(grp.lines(), List.of(), List.of(), null, null, grp.box()));
            }
        }
        return modules;
    }

    /**
     * A module's segments in reading order: column by column, each top to bottom, except over the
     * columns a photo spans (two or more of them): there the text above the photo is read across
     * those columns first, then the text below it, as the body runs on above and below a picture.
     *
     * @param segments the module's segments, by column then height
     * @return the same segments in reading order
     */
    private static List<Segment> aroundPhotos(List<Segment> segments, List<Column> columns, List<Bbox> photos) {
        if (photos.isEmpty()) {
            return segments;
        }
        // the module's columns each photo spans, in the photos' order
        List<TreeSet<Integer>> spannedBy = new ArrayList<>();
        for (Bbox p : photos) {
            TreeSet<Integer> spanned = new java.util.TreeSet<>();
            for (Segment o : segments) {
                Column c = columns.get(o.column);
                int within = Math.min(c.x1, p.x1()) - Math.max(c.x0, p.x0());
                if (within >= 0.5 * (c.x1 - c.x0)) {
                    spanned.add(o.column);
                }
            }
            spannedBy.add(spanned);
        }
        Map<Segment, int[]> key = new HashMap<>();
        for (Segment s : segments) {
            int[] k = {s.column, 0, s.column};
            for (int q = 0; q < photos.size(); q++) {
                TreeSet<Integer> spanned = spannedBy.get(q);
                if (spanned.size() >= 2 && spanned.contains(s.column)) {
                    Bbox p = photos.get(q);
                    k = new int[] {spanned.first(), s.y0() >= p.y0() + p.height() / 2 ? 1 : 0, s.column};
                    break;
                }
            }
            key.put(s, k);
        }
        List<Segment> out = new ArrayList<>(segments);
        out.sort(Comparator.comparingInt((Segment s) -> key.get(s)[0]).thenComparingInt(s -> key.get(s)[1])
                .thenComparingInt(s -> key.get(s)[2]).thenComparingInt(Segment::y0));
        return out;
    }

    /** The nearest title above a segment, below the previous segment of its column, over its column. */
    private TitleStructure.Group headlineAbove(List<TitleStructure.Group> headlines, Column col, Segment s,
                                               Segment prevInCol, double bodyH, PageRules pageRules) {
        double floor = prevInCol == null ? Double.NEGATIVE_INFINITY : prevInCol.y1() - rules.headlineFloor() * bodyH;
        TitleStructure.Group best = null;
        for (TitleStructure.Group g : headlines) {
            Bbox gb = g.box();
            int overlap = Math.min(gb.x1(), col.x1) - Math.max(gb.x0(), col.x0);
            // the headline's middle lies above the segment (headline boxes may reach into the first body line)
            if (gb.y0() + gb.height() / 2 <= s.y0() && gb.y1() >= floor && (overlap >= rules.headlineOverColumn() * (col.x1 - col.x0)
                    || overlap > 0 && centredOnEdge(gb, col))
                    && (best == null || gb.y1() > best.box().y1()) && !pageRules.between(gb, s.box, bodyH / 2, bodyH / 4)) {
                best = g;
            }
        }
        return best;
    }

    /** Whether a headline crosses one of the column's edges with its middle near that edge. */
    private boolean centredOnEdge(Bbox headline, Column col) {
        double middle = (headline.x0() + headline.x1()) / 2.0, tol = rules.headlineOnGutter() * headline.width();
        return headline.x0() < col.x0 && col.x0 < headline.x1() && Math.abs(middle - col.x0) <= tol
                || headline.x0() < col.x1 && col.x1 < headline.x1() && Math.abs(middle - col.x1) <= tol;
    }

    /**
     * The anchor of the segment of a neighbouring column that overlaps {@code s} in height (and,
     * when {@code aligned}, starts within {@code alignTol} px of it), the one starting nearest.
     */
    private static Anchor neighbour(Column next, Segment s, Map<Segment, Anchor> anchorOf, double alignTol,
                                    boolean aligned) {
        Segment best = neighbourSegment(next, s, alignTol, aligned);
        return best == null ? null : anchorOf.get(best);
    }

    /** The segment of a neighbouring column as {@link #neighbour} chooses it, or null. */
    private static Segment neighbourSegment(Column next, Segment s, double alignTol, boolean aligned) {
        Segment best = null;
        for (Segment l : next.segments) {
            boolean overlaps = l.y0() < s.y1() && l.y1() > s.y0();
            boolean ok = aligned ? overlaps && Math.abs(l.y0() - s.y0()) <= alignTol : overlaps;
            if (ok && (best == null || Math.abs(l.y0() - s.y0()) < Math.abs(best.y0() - s.y0()))) {
                best = l;
            }
        }
        return best;
    }

    private List<Column> columns(List<OcrLine> lines, List<LineRole> roles, double colWidth, PageRules pageRules,
                                 Map<Integer, Bbox> around) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRole r = roles.get(i);
            if (r == LineRole.BODY || r == LineRole.JUMP_FROM || r == LineRole.JUMP_TO) {
                members.add(i);
            }
        }
        // a line wrapped around a portrait belongs to the column it ends in: its edge is a column
        // width left of its end, not left of the portrait (which may stand across a gutter)
        Map<Integer, Integer> edge = new HashMap<>();
        for (int i : members) {
            Bbox b = lines.get(i).bbox();
            edge.put(i, around.containsKey(i) ? (int) Math.max(around.get(i).x0(), b.x1() - colWidth) : b.x0());
        }
        members.sort(Comparator.comparingInt(edge::get));
        List<List<Integer>> clusters = new ArrayList<>();
        int prevX = Integer.MIN_VALUE;
        for (int i : members) {
            int x = edge.get(i);
            if (clusters.isEmpty() || x - prevX > rules.columnGap() * colWidth) {
                clusters.add(new ArrayList<>());
            }
            clusters.get(clusters.size() - 1).add(i);
            prevX = x;
        }
        double bodyH = Measure.median(members.stream().mapToDouble(i -> lines.get(i).bbox().height()).toArray(), 1);
        List<Column> columns = new ArrayList<>();
        for (List<Integer> cl : clusters) {
            int x0 = (int) Measure.percentile(cl.stream().mapToDouble(i -> lines.get(i).bbox().x0()).toArray(), rules.edgePercentile());
            int x1 = (int) Measure.percentile(cl.stream().mapToDouble(i -> lines.get(i).bbox().x1()).toArray(), 1 - rules.edgePercentile());
            cl.sort(Comparator.comparingInt(i -> lines.get(i).bbox().y0()));
            Column col = new Column(x0, x1, new ArrayList<>());
            List<Integer> run = new ArrayList<>();
            for (int i : cl) {
                OcrLine l = lines.get(i);
                boolean breakBefore = !run.isEmpty()
                        && (l.bbox().y0() - lines.get(run.get(run.size() - 1)).bbox().y1() > rules.segmentGap() * bodyH
                        || roles.get(i) == LineRole.JUMP_TO
                        || roles.get(run.get(run.size() - 1)) == LineRole.JUMP_FROM
                        || pageRules.between(lines.get(run.get(run.size() - 1)).bbox(), l.bbox(), bodyH / 2, bodyH / 4));
                if (breakBefore) {
                    col.segments.add(segment(columns.size(), run, lines));
                    run = new ArrayList<>();
                }
                run.add(i);
            }
            if (!run.isEmpty()) {
                col.segments.add(segment(columns.size(), run, lines));
            }
            columns.add(col);
        }
        return columns;
    }

    /**
     * The photo a line is wrapped around, or null: a photo narrower than
     * {@link LayoutRules.Columns#wrapWidth} of a column (a portrait set in a column or across a
     * gutter) that the line overlaps in height (or starts less than half a line below) and starts
     * just right of (within {@link LayoutRules.Columns#wrapGap} line heights). Such a line belongs
     * to the column it ends in.
     */
    private Bbox wrappedAround(Bbox b, List<Bbox> photos, double lineH, double colWidth) {
        for (Bbox p : photos) {
            if (p.width() < rules.wrapWidth() * colWidth && b.x0() >= p.x1() && b.x0() - p.x1() <= rules.wrapGap() * lineH
                    && b.y1() > p.y0() && b.y0() < p.y1() + lineH / 2) {
                return p;
            }
        }
        return null;
    }

    private static Segment segment(int column, List<Integer> run, List<OcrLine> lines) {
        return new Segment(column, List.copyOf(run), Measure.box(lines, run));
    }

    static List<Integer> indices(List<LineRole> roles, LineRole role) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == role) {
                out.add(i);
            }
        }
        return out;
    }
}
