package org.inkstone.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.PageGraphic;
import org.inkstone.text.ChineseText;

/**
 * Layout analysis of a newspaper page from its OCR lines: line roles, text columns, column
 * segments, headline groups, and article modules with their reading order.
 *
 * <p>Geometry only, all thresholds relative to the page's own body text (median line height
 * and character pitch), so scan resolution and type size do not matter; their values are in
 * {@link LayoutRules}. The analysis runs in parts, one class each: line classification
 * ({@link LineClassifier}), title structure ({@link TitleStructure}), columns and modules of
 * horizontal text ({@link HorizontalModules}) and of vertical text ({@link VerticalModules});
 * continuation pairing across pages is {@link org.inkstone.article.ArticleAssembler}'s.
 * <ul>
 * <li>headline: a line with characters at least 1.3× the body character pitch and at least 1.2×
 *     the body line height (a tall line of body-sized characters is two merged body lines, not
 *     a headline); masthead: type at least 3× the body line height in the top 12% of the front
 *     page, and at least 0.8 of the page's tallest line, with the lines level with it;</li>
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

    private final LayoutRules rules;
    private final LineClassifier classifier;
    private final HorizontalModules horizontal;
    private final VerticalModules vertical;

    /** An analysis with the {@link LayoutRules#DEFAULT} thresholds. */
    public LayoutAnalyzer() {
        this(LayoutRules.DEFAULT);
    }

    /**
     * @param rules the thresholds of every part of the analysis
     * @throws NullPointerException if {@code rules} or one of its parts is null
     */
    public LayoutAnalyzer(LayoutRules rules) {
        this.rules = rules;
        this.classifier = new LineClassifier(Objects.requireNonNull(rules.lines()));
        this.horizontal = new HorizontalModules(Objects.requireNonNull(rules.columns()),
                new TitleStructure(Objects.requireNonNull(rules.titles())));
        this.vertical = new VerticalModules(Objects.requireNonNull(rules.vertical()));
    }

    /**
     * @param pageNo page number counted from 1
     * @param width  page image width, px
     * @param height page image height, px
     * @param lines  the page's OCR lines in stored order, boxes in px of the page image
     * @return roles, modules and reading order of the page
     */
    public PageLayout analyze(int pageNo, int width, int height, List<OcrLine> lines) {
        return analyze(pageNo, width, height, lines, List.of());
    }

    /**
     * @param pageNo   page number counted from 1
     * @param width    page image width, px
     * @param height   page image height, px
     * @param lines    the page's OCR lines in stored order, boxes in px of the page image
     * @param graphics the photos and rules line finding found on the page, boxes in px of the page
     *                 image: the lines set under a photo are its caption
     * @return roles, modules and reading order of the page
     */
    public PageLayout analyze(int pageNo, int width, int height, List<OcrLine> lines, List<PageGraphic> graphics) {
        List<Bbox> photos = graphics.stream().filter(g -> g.kind() == PageGraphic.Kind.PHOTO).map(PageGraphic::bbox).toList();
        List<Bbox> ruleBoxes = graphics.stream().filter(g -> g.kind() == PageGraphic.Kind.RULE).map(PageGraphic::bbox).toList();
        RowPieces rows = RowPieces.join(lines, rules.lines());
        return withoutLabels(Briefs.split(rows.expand(joined(pageNo, width, height, rows.lines(), photos, ruleBoxes), lines)),
                height);
    }

    /**
     * Page furniture set like a heading is not an article: a module of horizontal lines with a
     * few characters and no sentence in them (a section label, column name or page number), or a
     * short one at the top of the page (the page banner), becomes {@link LineRole#SECTION_LABEL}
     * lines and no module. (A short title-only module of vertical lines is a headline whose
     * text was not found beside it, and stays.)
     */
    private PageLayout withoutLabels(PageLayout page, int height) {
        List<LineRole> roles = new ArrayList<>(page.roles());
        List<PageLayout.Module> modules = new ArrayList<>();
        for (PageLayout.Module m : page.modules()) {
            List<Integer> all = new ArrayList<>(m.headline());
            all.addAll(m.body());
            StringBuilder text = new StringBuilder();
            all.forEach(i -> text.append(page.lines().get(i).text().strip()));
            int chars = (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
            boolean sentence = text.codePoints().anyMatch(c -> "。！？；".indexOf(c) >= 0);
            boolean label = chars <= rules.lines().labelChars()
                    || chars <= rules.lines().bannerChars() && m.bbox().y1() <= rules.lines().mastheadTop() * height;
            boolean across = all.stream().noneMatch(i -> page.lines().get(i).vertical());
            if (label && across && !sentence && m.jumpFrom() == null && m.jumpTo() == null) {
                all.forEach(i -> roles.set(i, LineRole.SECTION_LABEL));
            } else {
                modules.add(m);
            }
        }
        return modules.size() == page.modules().size() ? page
                : new PageLayout(page.pageNo(), page.lines(), roles, modules, page.bodyHeight());
    }

    /** Layout of a page whose line pieces are joined ({@link RowPieces}). */
    private PageLayout joined(int pageNo, int width, int height, List<OcrLine> lines, List<Bbox> photos,
                              List<Bbox> ruleBoxes) {
        boolean[] isVertical = vertical.verticalLines(lines);
        List<Integer> across = new ArrayList<>(), down = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (isVertical[i] ? down : across).add(i);
        }
        if (down.isEmpty()) {
            return horizontal(pageNo, width, height, lines, photos, ruleBoxes);
        }
        List<LineRole> roles = new ArrayList<>(Collections.nCopies(lines.size(), LineRole.NOISE));
        List<PageLayout.Module> modules = new ArrayList<>();
        double bodyHeight = 0;
        if (!across.isEmpty()) {
            PageLayout h = horizontal(pageNo, width, height, across.stream().map(lines::get).toList(), photos, ruleBoxes);
            for (int k = 0; k < across.size(); k++) {
                roles.set(across.get(k), h.roles().get(k));
            }
            for (PageLayout.Module m : h.modules()) {
                modules.add(new PageLayout.Module(m.headline().stream().map(across::get).toList(),
                        m.body().stream().map(across::get).toList(), m.paragraphs(), m.jumpFrom(), m.jumpTo(), m.bbox(),
                        m.certainty()));
            }
            bodyHeight = h.bodyHeight();
        }
        if (across.size() >= rules.lines().displayColumnsRatio() * down.size() && bodyHeight > 0) {
            // a page of horizontal text: its few vertical lines in type larger than its body are
            // display headlines set beside the horizontal body they head
            // display headlines set beside the horizontal body they head; other vertical scraps of
            // a few characters and no sentence (a rule or a photo's edge read as text) are noise
            double display = rules.lines().headlineSize() * bodyHeight;
            List<Integer> heads = down.stream().filter(i -> lines.get(i).bbox().width() >= display).toList();
            List<Integer> scraps = down.stream().filter(i -> !heads.contains(i)
                    && Measure.chars(lines.get(i)) <= rules.lines().labelChars()
                    && !ChineseText.endsSentence(lines.get(i).text())).toList();
            if (heads.size() + scraps.size() == down.size()) {
                scraps.forEach(i -> roles.set(i, LineRole.NOISE));
                for (int i : heads) {
                    roles.set(i, LineRole.HEADLINE);
                    modules = besideHorizontal(modules, i, lines, bodyHeight);
                }
                return new PageLayout(pageNo, lines, roles, modules, bodyHeight);
            }
        }
        LineClassifier.Classified v = classifier.vertical(lines, down);
        modules.addAll(vertical.modules(lines, down, v, roles, ruleBoxes));
        return new PageLayout(pageNo, lines, roles, modules, across.isEmpty() ? v.body().size() : bodyHeight);
    }

    /**
     * A vertical display headline joins the horizontal module beside or around it: the one
     * overlapping it in height that stands nearest across (overlapping it, or less than two
     * body lines away), as its main headline, read before the module's own title lines; a
     * title-only module of its own when there is none.
     */
    private static List<PageLayout.Module> besideHorizontal(List<PageLayout.Module> modules, int line,
                                                           List<OcrLine> lines, double bodyHeight) {
        Bbox h = lines.get(line).bbox();
        int host = -1;
        int best = Integer.MAX_VALUE;
        for (int m = 0; m < modules.size(); m++) {
            Bbox b = modules.get(m).bbox();
            int gap = Math.max(0, Math.max(b.x0() - h.x1(), h.x0() - b.x1()));
            int down = Math.min(b.y1(), h.y1()) - Math.max(b.y0(), h.y0());
            if (down > 0 && gap < 2 * bodyHeight && gap < best) {
                best = gap;
                host = m;
            }
        }
        List<PageLayout.Module> out = new ArrayList<>(modules);
        if (host < 0) {
            out.add(new PageLayout.Module(List.of(line), List.of(), List.of(), null, null, h));
            return out;
        }
        PageLayout.Module m = out.get(host);
        List<Integer> head = new ArrayList<>(m.headline());
        head.add(0, line);
        out.set(host, m.withHeadline(head, Bbox.union(List.of(m.bbox(), h))));
        return out;
    }

    /** Layout of a page's horizontal lines (see the class comment). */
    private PageLayout horizontal(int pageNo, int width, int height, List<OcrLine> lines, List<Bbox> photos,
                                  List<Bbox> ruleBoxes) {
        if (lines.isEmpty()) {
            return new PageLayout(pageNo, lines, List.of(), List.of(), 0);
        }
        LineClassifier.Classified page = classifier.horizontal(lines, height, pageNo == 1, photos);
        return new PageLayout(pageNo, lines, page.roles(), horizontal.modules(lines, page, width, ruleBoxes, photos), page.body().size());
    }
}
