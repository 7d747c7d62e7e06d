package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.text.Paragraphs;

/**
 * Layout analysis of a newspaper page from its OCR lines: line roles, text columns, column
 * segments, headline groups, and article modules with their reading order.
 *
 * <p>Geometry only, all thresholds relative to the page's own body text (median line height
 * and character pitch), so scan resolution and type size do not matter:
 * <ul>
 * <li>headline: a line with characters at least 1.3× the body character pitch and at least 1.2×
 *     the body line height (a tall line of body-sized characters is two merged body lines, not
 *     a headline); masthead: type at least 3× the body line height in the top 12% of the front
 *     page, with the lines level with it;</li>
 * <li>columns: body lines clustered by left edge (gaps wider than 40% of a column width);</li>
 * <li>segments: runs of lines in a column broken by a vertical gap of a body line or more, by a
 *     continuation line (starts a segment) or a jump line (ends one);</li>
 * <li>each segment joins, in order of preference: the module of the continuation line it starts
 *     with; the headline just above it that overlaps its column; the module of a one- or
 *     two-line segment (byline, subhead) just above it in its column; the module of a segment
 *     in a neighbouring column that starts at the same height (a module's columns start
 *     together); the module of the segment above it in its column; a new headless module.</li>
 * </ul>
 * A headline right below a continuation line is the repeated headline of that continuation.
 *
 * <p>Vertical lines (竖排, {@link OcrLine#vertical()}, and lines of one or two characters
 * standing beside them with their width) are analysed on their own, mirrored, with their width
 * as the type size and their height per character as the pitch, and never change how the
 * page's horizontal lines are analysed:
 * <ul>
 * <li>headline: width at least 1.2× the body width and character pitch at least 1.3× the body
 *     pitch; no masthead or running heads;</li>
 * <li>blocks: body and jump lines that stand side by side (less than a body width apart) and
 *     overlap in height by half the shorter one or start within three characters of each other
 *     (a block of vertical text: its lines start at about the same top, or a paragraph indent
 *     lower);</li>
 * <li>each block joins the module of the continuation line at its right, the nearest headline
 *     group at its right (within two body widths, overlapping it in height, starting no more than
 *     three characters below its top), the module of the block just above it (the next tier of
 *     the same article), or else makes a headless module;</li>
 * <li>a module reads headline first, then its blocks top to bottom, each right to left, every
 *     line top to bottom. Vertical modules follow the horizontal ones, right to left.</li>
 * </ul>
 */
public final class LayoutAnalyzer {

    private static final Pattern CAPTION = Pattern.compile("(摄|供图|供圖|翻拍)\\s*[)）]?\\s*$|^\\s*(图为|图：|图:)");
    private static final Pattern FURNITURE = Pattern.compile(
            "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|第\\s*[0-9O]{1,3}\\s*版|责任编辑|编辑[:：]|星期[一二三四五六日天]|版\\s*[·・]");

    /**
     * @param pageNo page number counted from 1
     * @param width  page image width, px
     * @param height page image height, px
     * @param lines  the page's OCR lines in stored order, boxes in px of the page image
     * @return roles, modules and reading order of the page
     */
    public PageLayout analyze(int pageNo, int width, int height, List<OcrLine> lines) {
        boolean[] vertical = verticalLines(lines);
        List<Integer> across = new ArrayList<>(), down = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (vertical[i] ? down : across).add(i);
        }
        if (down.isEmpty()) {
            return horizontal(pageNo, width, height, lines);
        }
        List<LineRole> roles = new ArrayList<>(java.util.Collections.nCopies(lines.size(), LineRole.NOISE));
        List<PageLayout.Module> modules = new ArrayList<>();
        double bodyHeight = 0;
        if (!across.isEmpty()) {
            PageLayout h = horizontal(pageNo, width, height, across.stream().map(lines::get).toList());
            for (int k = 0; k < across.size(); k++) {
                roles.set(across.get(k), h.roles().get(k));
            }
            for (PageLayout.Module m : h.modules()) {
                modules.add(new PageLayout.Module(m.headline().stream().map(across::get).toList(),
                        m.body().stream().map(across::get).toList(), m.paragraphs(), m.jumpFrom(), m.jumpTo(), m.bbox()));
            }
            bodyHeight = h.bodyHeight();
        }
        double bodyWidth = vertical(lines, down, roles, modules);
        return new PageLayout(pageNo, lines, roles, modules, across.isEmpty() ? bodyWidth : bodyHeight);
    }

    /**
     * Which lines are vertical: {@link OcrLine#vertical()}, and a line of one or two characters
     * standing beside a vertical line (less than its width apart, overlapping it in height) and
     * about as wide (within 30%), such as the short last column of a paragraph.
     */
    private static boolean[] verticalLines(List<OcrLine> lines) {
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
            if (v[i] || chars(lines.get(i)) > 2) {
                continue;
            }
            for (Bbox c : columns) {
                int gap = Math.max(c.x0() - b.x1(), b.x0() - c.x1());
                if (gap >= 0 && gap < c.width() && Math.abs(b.width() - c.width()) <= 0.3 * c.width()
                        && b.y0() < c.y1() && b.y1() > c.y0()) {
                    v[i] = true;
                    break;
                }
            }
        }
        return v;
    }

    /**
     * Roles and modules of the vertical lines (see the class comment): sets the roles of
     * {@code down} in {@code roles} and appends their modules to {@code modules}.
     *
     * @param lines   every line of the page
     * @param down    indices of the vertical lines
     * @param roles   roles of every line, filled in for {@code down}
     * @param modules the page's modules so far, appended to
     * @return the width of a vertical body line, px (the median width of the vertical lines)
     */
    private static double vertical(List<OcrLine> lines, List<Integer> down, List<LineRole> roles,
                                   List<PageLayout.Module> modules) {
        double bodyW = median(down.stream().filter(i -> chars(lines.get(i)) >= 4)
                .mapToDouble(i -> lines.get(i).bbox().width()).toArray(),
                median(down.stream().mapToDouble(i -> lines.get(i).bbox().width()).toArray(), 1));
        double pitch = median(down.stream().map(lines::get)
                .filter(l -> chars(l) >= 6 && Math.abs(l.bbox().width() - bodyW) < 0.25 * bodyW)
                .mapToDouble(l -> (double) l.bbox().height() / chars(l)).toArray(), bodyW);
        Map<Integer, JumpMarker> markers = new HashMap<>();
        List<Integer> members = new ArrayList<>(), heads = new ArrayList<>();
        for (int i : down) {
            OcrLine l = lines.get(i);
            Bbox b = l.bbox();
            Optional<JumpMarker> m = b.width() < 1.6 * bodyW ? JumpMarker.parseLine(l.text()) : Optional.empty();
            LineRole r;
            if (m.isPresent()) {
                markers.put(i, m.get());
                r = m.get().kind();
            } else if (l.confidence() < 0.35 || chars(l) <= 2 && l.confidence() < 0.6) {
                r = LineRole.NOISE;
            } else if (b.width() >= 1.2 * bodyW && (double) b.height() / Math.max(1, chars(l)) >= 1.3 * pitch) {
                r = LineRole.HEADLINE;
            } else if (CAPTION.matcher(l.text()).find()) {
                r = LineRole.CAPTION;
            } else {
                r = LineRole.BODY;
            }
            roles.set(i, r);
            if (r == LineRole.HEADLINE) {
                heads.add(i);
            } else if (r == LineRole.BODY || r == LineRole.JUMP_FROM || r == LineRole.JUMP_TO) {
                members.add(i);
            }
        }
        // blocks of lines side by side, and headline groups (main and sub-headlines side by side)
        List<List<Integer>> blocks = sideBySide(lines, members, bodyW, 3 * pitch);
        List<List<Integer>> groups = sideBySide(lines, heads, 0, 3 * pitch);
        blocks.sort(Comparator.comparingInt((List<Integer> b) -> box(lines, b).y0())
                .thenComparingInt(b -> -box(lines, b).x1()));
        Map<List<Integer>, String> anchorOf = new HashMap<>();
        int headless = 0;
        for (List<Integer> b : blocks) {
            Bbox bb = box(lines, b);
            int first = b.get(0);
            String anchor = roles.get(first) == LineRole.JUMP_TO ? "j" + first : null;
            int bestGap = Integer.MAX_VALUE;
            for (int g = 0; g < groups.size() && roles.get(first) != LineRole.JUMP_TO; g++) {
                Bbox gb = box(lines, groups.get(g));
                int gap = gb.x0() - bb.x1();
                if (gap > -0.5 * bodyW && gap <= 2 * bodyW && gap < bestGap && gb.y0() < bb.y1() && gb.y1() > bb.y0()
                        && gb.y0() <= bb.y0() + 3 * pitch) {
                    bestGap = gap;
                    anchor = "h" + g;
                }
            }
            // the next tier of an article: the block just above, over the same lines
            for (List<Integer> a : blocks) {
                Bbox ab = box(lines, a);
                int overlap = Math.min(ab.x1(), bb.x1()) - Math.max(ab.x0(), bb.x0());
                if (anchor == null && a != b && anchorOf.containsKey(a) && ab.y1() <= bb.y0() + 0.5 * pitch
                        && bb.y0() - ab.y1() <= 4 * pitch && overlap >= 0.5 * Math.min(ab.width(), bb.width())) {
                    anchor = anchorOf.get(a);
                }
            }
            anchorOf.put(b, anchor != null ? anchor : "n" + headless++);
        }
        Map<String, List<List<Integer>>> byAnchor = new LinkedHashMap<>();
        for (List<Integer> b : blocks) {
            byAnchor.computeIfAbsent(anchorOf.get(b), k -> new ArrayList<>()).add(b);
        }
        for (int g = 0; g < groups.size(); g++) {
            byAnchor.putIfAbsent("h" + g, new ArrayList<>());
        }
        List<PageLayout.Module> out = new ArrayList<>();
        for (var e : byAnchor.entrySet()) {
            List<Integer> head = e.getKey().startsWith("h")
                    ? groups.get(Integer.parseInt(e.getKey().substring(1))) : List.of();
            List<Integer> body = new ArrayList<>();
            List<Bbox> boxes = new ArrayList<>();
            head.forEach(i -> boxes.add(lines.get(i).bbox()));
            JumpMarker from = null, to = null;
            Paragraphs text = new Paragraphs(pitch);
            for (List<Integer> b : e.getValue()) {
                int top = (int) percentile(b.stream().mapToDouble(i -> lines.get(i).bbox().y0()).toArray(), 0.2);
                int bottom = (int) percentile(b.stream().mapToDouble(i -> lines.get(i).bbox().y1()).toArray(), 0.8);
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
                out.add(new PageLayout.Module(head, body, text.paragraphs(), from, to, Bbox.union(boxes)));
            }
        }
        out.sort(Comparator.comparingInt((PageLayout.Module m) -> -m.bbox().x1()).thenComparingInt(m -> m.bbox().y0()));
        modules.addAll(out);
        return bodyW;
    }

    /**
     * Vertical lines that stand side by side: less than {@code maxGap} px apart (or less than the
     * wider line's width when 0), overlapping in height by half the shorter one or starting
     * within {@code topTol} px of each other (a paragraph's short last column beside the indented
     * first column of the next), chained.
     *
     * @return the sets of lines, each right to left
     */
    private static List<List<Integer>> sideBySide(List<OcrLine> lines, List<Integer> members, double maxGap,
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
                boolean level = vOverlap >= 0.5 * Math.min(p.height(), q.height()) || Math.abs(p.y0() - q.y0()) <= topTol;
                if (gap < limit && level) {
                    parent[root(parent, a)] = root(parent, b);
                }
            }
        }
        Map<Integer, List<Integer>> sets = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            sets.computeIfAbsent(root(parent, k), r -> new ArrayList<>()).add(members.get(k));
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> set : sets.values()) {
            set.sort(Comparator.comparingInt((Integer i) -> -lines.get(i).bbox().x1()));
            out.add(set);
        }
        return out;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static Bbox box(List<OcrLine> lines, List<Integer> set) {
        return Bbox.union(set.stream().map(i -> lines.get(i).bbox()).toList());
    }

    /** Layout of horizontal lines (see the class comment). */
    private PageLayout horizontal(int pageNo, int width, int height, List<OcrLine> lines) {
        if (lines.isEmpty()) {
            return new PageLayout(pageNo, lines, List.of(), List.of(), 0);
        }
        double bodyH = median(lines.stream().filter(l -> chars(l) >= 4).mapToDouble(l -> l.bbox().height()).toArray(),
                lines.get(0).bbox().height());
        double pitch = median(lines.stream().filter(l -> chars(l) >= 6 && Math.abs(l.bbox().height() - bodyH) < 0.25 * bodyH)
                .mapToDouble(l -> (double) l.bbox().width() / chars(l)).toArray(), bodyH * 0.8);
        List<LineRole> roles = new ArrayList<>();
        Map<Integer, JumpMarker> markers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            OcrLine l = lines.get(i);
            Optional<JumpMarker> m = l.bbox().height() < 1.6 * bodyH ? JumpMarker.parseLine(l.text()) : Optional.empty();
            if (m.isPresent()) {
                markers.put(i, m.get());
            }
            roles.add(role(l, m.orElse(null), bodyH, pitch, height, pageNo == 1));
        }
        // the masthead's side panel (date, issue number, weather) sits level with it
        int mastheadBottom = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (roles.get(i) == LineRole.MASTHEAD) {
                mastheadBottom = Math.max(mastheadBottom, lines.get(i).bbox().y1());
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            LineRole r = roles.get(i);
            if (mastheadBottom >= 0 && lines.get(i).bbox().y0() < mastheadBottom + bodyH
                    && (r == LineRole.BODY || r == LineRole.RUNNING_HEAD)) {
                roles.set(i, LineRole.MASTHEAD);
            }
        }
        double colWidth = median(indices(roles, LineRole.BODY).stream().filter(i -> chars(lines.get(i)) >= 6)
                .mapToDouble(i -> lines.get(i).bbox().width()).toArray(), width / 6.0);
        List<Column> columns = columns(lines, roles, colWidth);
        List<Group> headlines = headlineGroups(lines, roles, pitch);
        // a headline right below a continuation line repeats the continued article's headline
        Map<Group, Integer> repeatOf = new HashMap<>();
        for (var e : markers.entrySet()) {
            if (roles.get(e.getKey()) != LineRole.JUMP_TO) {
                continue;
            }
            Bbox mb = lines.get(e.getKey()).bbox();
            for (Group g : headlines) {
                if (g.box.y0() >= mb.y1() - bodyH && g.box.y0() <= mb.y1() + 3 * bodyH
                        && g.box.x0() < mb.x0() + colWidth && g.box.x1() > mb.x0()) {
                    repeatOf.put(g, e.getKey());
                }
            }
        }
        // anchors: a headline group ("h" + index), a continuation line ("j" + line index) or a headless module
        Map<Segment, String> anchorOf = new HashMap<>();
        List<Segment> done = new ArrayList<>();
        for (Column col : columns) {
            Segment prevInCol = null;
            for (Segment s : col.segments) {
                done.add(s);
                int first = s.lines.get(0);
                if (roles.get(first) == LineRole.JUMP_TO) {
                    anchorOf.put(s, "j" + first);
                } else {
                    Group best = headlineAbove(headlines, col, s, prevInCol, bodyH);
                    if (best != null) {
                        anchorOf.put(s, repeatOf.containsKey(best) ? "j" + repeatOf.get(best) : "h" + headlines.indexOf(best));
                    }
                }
                prevInCol = s;
            }
        }
        // segments without a headline of their own: a module's columns start together, so first a
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
                    String a = above != null && above.lines.size() <= 2 && s.y0() - above.y1() < 2.5 * bodyH
                            ? anchorOf.get(above) : null;
                    if (a == null && c > 0) {
                        a = neighbour(columns.get(c - 1), s, anchorOf, 3 * bodyH, true);
                    }
                    if (a == null && c + 1 < columns.size()) {
                        a = neighbour(columns.get(c + 1), s, anchorOf, 3 * bodyH, true);
                    }
                    if (a != null) {
                        anchorOf.put(s, a);
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
                    String a = prevInCol != null ? anchorOf.get(prevInCol) : null;
                    if (a == null && c > 0) {
                        a = neighbour(columns.get(c - 1), s, anchorOf, 0, false);
                    }
                    anchorOf.put(s, a != null ? a : "n" + headless++);
                }
                prevInCol = s;
            }
        }
        // modules in order of their first segment's column, then height
        Map<String, List<Segment>> byAnchor = new LinkedHashMap<>();
        done.sort(Comparator.comparingInt((Segment s) -> s.column).thenComparingInt(Segment::y0));
        for (Segment s : done) {
            byAnchor.computeIfAbsent(anchorOf.get(s), k -> new ArrayList<>()).add(s);
        }
        List<PageLayout.Module> modules = new ArrayList<>();
        for (var e : byAnchor.entrySet()) {
            String anchor = e.getKey();
            List<Integer> head = new ArrayList<>();
            if (anchor.startsWith("h")) {
                head.addAll(headlines.get(Integer.parseInt(anchor.substring(1))).lines);
            } else if (anchor.startsWith("j")) {
                int marker = Integer.parseInt(anchor.substring(1));
                repeatOf.forEach((g, m) -> {
                    if (m == marker) {
                        head.addAll(g.lines);
                    }
                });
            }
            List<Integer> body = new ArrayList<>();
            List<Bbox> boxes = new ArrayList<>();
            head.forEach(i -> boxes.add(lines.get(i).bbox()));
            JumpMarker from = null, to = null;
            Paragraphs text = new Paragraphs(pitch);
            for (Segment s : e.getValue()) {
                Column col = columns.get(s.column);
                for (int i : s.lines) {
                    boxes.add(lines.get(i).bbox());
                    LineRole r = roles.get(i);
                    if (r == LineRole.JUMP_FROM) {
                        from = markers.get(i);
                    } else if (r == LineRole.JUMP_TO) {
                        to = markers.get(i);
                    } else {
                        body.add(i);
                        text.add(lines.get(i), col.x0, col.x1);
                    }
                }
            }
            if (body.isEmpty() && head.isEmpty()) {
                continue;
            }
            modules.add(new PageLayout.Module(head, body, text.paragraphs(), from, to, Bbox.union(boxes)));
        }
        // a headline group that heads no column segment is a piece of the headline beside it on the
        // same row (Tesseract cut the line), or else a title-only module
        for (int g = 0; g < headlines.size(); g++) {
            Group grp = headlines.get(g);
            if (byAnchor.containsKey("h" + g) || repeatOf.containsKey(grp)) {
                continue;
            }
            int host = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int m = 0; m < modules.size(); m++) {
                PageLayout.Module mod = modules.get(m);
                if (mod.headline().isEmpty()) {
                    continue;
                }
                Bbox hb = Bbox.union(mod.headline().stream().map(i -> lines.get(i).bbox()).toList());
                int vOverlap = Math.min(hb.y1(), grp.box.y1()) - Math.max(hb.y0(), grp.box.y0());
                int gap = Math.max(hb.x0(), grp.box.x0()) - Math.min(hb.x1(), grp.box.x1());
                if (vOverlap >= 0.5 * Math.min(hb.height(), grp.box.height()) && gap < 3 * pitch && gap < bestGap) {
                    host = m;
                    bestGap = gap;
                }
            }
            if (host >= 0) {
                PageLayout.Module mod = modules.get(host);
                List<Integer> head = new ArrayList<>(mod.headline());
                head.addAll(grp.lines);
                head.sort(Comparator.comparingInt((Integer i) -> lines.get(i).bbox().y0() / Math.max(1, (int) bodyH))
                        .thenComparingInt(i -> lines.get(i).bbox().x0()));
                modules.set(host, new PageLayout.Module(head, mod.body(), mod.paragraphs(), mod.jumpFrom(), mod.jumpTo(),
                        Bbox.union(List.of(mod.bbox(), grp.box))));
            } else {
                modules.add(new PageLayout.Module(grp.lines, List.of(), List.of(), null, null, grp.box));
            }
        }
        return new PageLayout(pageNo, lines, roles, modules, bodyH);
    }

    /** The nearest headline group above a segment, below the previous segment of its column, over its column. */
    private static Group headlineAbove(List<Group> headlines, Column col, Segment s, Segment prevInCol, double bodyH) {
        double floor = prevInCol == null ? Double.NEGATIVE_INFINITY : prevInCol.y1() - 0.5 * bodyH;
        Group best = null;
        for (Group g : headlines) {
            int overlap = Math.min(g.box.x1(), col.x1) - Math.max(g.box.x0(), col.x0);
            // the headline's middle lies above the segment (Tesseract's headline boxes may reach into the first body line)
            if (g.box.y0() + g.box.height() / 2 <= s.y0() && g.box.y1() >= floor && overlap >= 0.3 * (col.x1 - col.x0)
                    && (best == null || g.box.y1() > best.box.y1())) {
                best = g;
            }
        }
        return best;
    }

    private static String neighbour(Column left, Segment s, Map<Segment, String> anchorOf, double alignTol,
                                        boolean aligned) {
        Segment best = null;
        for (Segment l : left.segments) {
            boolean overlaps = l.y0() < s.y1() && l.y1() > s.y0();
            boolean ok = aligned ? overlaps && Math.abs(l.y0() - s.y0()) <= alignTol : overlaps;
            if (ok && (best == null || Math.abs(l.y0() - s.y0()) < Math.abs(best.y0() - s.y0()))) {
                best = l;
            }
        }
        return best == null ? null : anchorOf.get(best);
    }

    private static LineRole role(OcrLine l, JumpMarker marker, double bodyH, double pitch, int pageHeight,
                                 boolean frontPage) {
        Bbox b = l.bbox();
        double charW = (double) b.width() / Math.max(1, chars(l));
        // Headline type is larger than body type: judged by character pitch and line height.
        // Line boxes carry a few pixels of margin (which brings the ratio of a headline to body
        // line heights towards 1), and a short justified body line has a wide pitch, so both must agree.
        boolean big = b.height() >= 1.2 * bodyH && charW >= 1.3 * pitch;
        if (frontPage && b.height() >= 3 * bodyH && b.y0() < 0.12 * pageHeight && charW >= 1.3 * pitch) {
            return LineRole.MASTHEAD;
        }
        if (marker != null) {
            return marker.kind();
        }
        if (!big && (b.y1() <= 0.05 * pageHeight || b.y0() >= 0.97 * pageHeight
                || b.y0() < 0.1 * pageHeight && FURNITURE.matcher(l.text()).find())) {
            return LineRole.RUNNING_HEAD;
        }
        if (l.confidence() < 0.35 || chars(l) <= 2 && l.confidence() < 0.6) {
            return LineRole.NOISE;
        }
        if (big) {
            return LineRole.HEADLINE;
        }
        if (CAPTION.matcher(l.text()).find()) {
            return LineRole.CAPTION;
        }
        return LineRole.BODY;
    }

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

    /** Headline lines that belong together (main headline and sub-headlines). */
    private static final class Group {
        final List<Integer> lines = new ArrayList<>();
        Bbox box;
    }

    private static List<Column> columns(List<OcrLine> lines, List<LineRole> roles, double colWidth) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRole r = roles.get(i);
            if (r == LineRole.BODY || r == LineRole.JUMP_FROM || r == LineRole.JUMP_TO) {
                members.add(i);
            }
        }
        members.sort(Comparator.comparingInt(i -> lines.get(i).bbox().x0()));
        List<List<Integer>> clusters = new ArrayList<>();
        int prevX = Integer.MIN_VALUE;
        for (int i : members) {
            int x = lines.get(i).bbox().x0();
            if (clusters.isEmpty() || x - prevX > 0.4 * colWidth) {
                clusters.add(new ArrayList<>());
            }
            clusters.get(clusters.size() - 1).add(i);
            prevX = x;
        }
        double bodyH = median(members.stream().mapToDouble(i -> lines.get(i).bbox().height()).toArray(), 1);
        List<Column> columns = new ArrayList<>();
        for (List<Integer> cl : clusters) {
            int x0 = (int) percentile(cl.stream().mapToDouble(i -> lines.get(i).bbox().x0()).toArray(), 0.2);
            int x1 = (int) percentile(cl.stream().mapToDouble(i -> lines.get(i).bbox().x1()).toArray(), 0.8);
            cl.sort(Comparator.comparingInt(i -> lines.get(i).bbox().y0()));
            Column col = new Column(x0, x1, new ArrayList<>());
            List<Integer> run = new ArrayList<>();
            for (int i : cl) {
                OcrLine l = lines.get(i);
                boolean breakBefore = !run.isEmpty() && (l.bbox().y0() - lines.get(run.get(run.size() - 1)).bbox().y1() > bodyH
                        || roles.get(i) == LineRole.JUMP_TO
                        || roles.get(run.get(run.size() - 1)) == LineRole.JUMP_FROM);
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

    private static Segment segment(int column, List<Integer> run, List<OcrLine> lines) {
        return new Segment(column, List.copyOf(run), Bbox.union(run.stream().map(i -> lines.get(i).bbox()).toList()));
    }

    private static List<Group> headlineGroups(List<OcrLine> lines, List<LineRole> roles, double pitch) {
        List<Integer> heads = indices(roles, LineRole.HEADLINE);
        heads.sort(Comparator.comparingInt(i -> lines.get(i).bbox().y0()));
        List<Group> groups = new ArrayList<>();
        for (int i : heads) {
            Bbox b = lines.get(i).bbox();
            Group into = null;
            int bestOverlap = Integer.MIN_VALUE;
            for (Group g : groups) {
                int centre = (b.y0() + b.y1()) / 2;
                boolean below = b.y0() - g.box.y1() < 0.8 * b.height() && centre >= g.box.y1() - 0.25 * b.height();
                int overlap = Math.min(b.x1(), g.box.x1()) - Math.max(b.x0(), g.box.x0());
                // a headline line cut in two (the space of a two-part headline, or a cut by the
                // recogniser): same row, a gap under 0.6 headline characters; headlines of two
                // articles side by side stand further apart. Full-width quotes and brackets ink
                // only half their cell, so half a character of the gap beside one is not space.
                int vOverlap = Math.min(b.y1(), g.box.y1()) - Math.max(b.y0(), g.box.y0());
                int rowHeight = Math.min(b.height(), g.box.height());
                double blank = halfCellBlankBetween(lines, g, i);
                boolean sameRow = vOverlap >= 0.5 * rowHeight
                        && overlap + blank > -Math.max(0.5 * pitch, 0.6 * rowHeight);
                if ((below && overlap > -2 * pitch || sameRow) && overlap > bestOverlap) {
                    into = g;
                    bestOverlap = overlap;
                }
            }
            if (into == null) {
                into = new Group();
                groups.add(into);
            }
            into.lines.add(i);
            into.box = Bbox.union(into.lines.stream().map(k -> lines.get(k).bbox()).toList());
        }
        return groups;
    }

    /**
     * The blank half cell at the facing ends of a group and a line beside it: full-width quotes
     * and brackets ink only half their cell, so half that line's character pitch (its width over
     * its characters) of the gap is not space; 0 when neither end is such punctuation.
     */
    private static double halfCellBlankBetween(List<OcrLine> lines, Group g, int i) {
        OcrLine line = lines.get(i);
        // the group's line reaching furthest right (a group holds at least one line)
        OcrLine right = g.lines.stream().map(lines::get).max(Comparator.comparingInt(l -> l.bbox().x1())).orElseThrow();
        OcrLine a = right.bbox().x0() <= line.bbox().x0() ? right : line;
        OcrLine b = a == line ? right : line;
        String at = a.text().strip(), bt = b.text().strip();
        if (!at.isEmpty() && "”’）》」』】".indexOf(at.charAt(at.length() - 1)) >= 0) {
            return 0.5 * a.bbox().width() / Math.max(1, chars(a));
        }
        if (!bt.isEmpty() && "“‘（《「『【".indexOf(bt.charAt(0)) >= 0) {
            return 0.5 * b.bbox().width() / Math.max(1, chars(b));
        }
        return 0;
    }

    private static List<Integer> indices(List<LineRole> roles, LineRole role) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == role) {
                out.add(i);
            }
        }
        return out;
    }

    static int chars(OcrLine l) {
        return (int) l.text().codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static double median(double[] v, double fallback) {
        return v.length == 0 ? fallback : percentile(v, 0.5);
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }
}
