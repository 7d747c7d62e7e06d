package org.inkstone.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;

/**
 * Line classification: the {@link LineRole} of every line of a page, from its size against the
 * body type, its place on the page and its text (jump markers, captions, page furniture).
 * Thresholds: {@link LayoutRules.Lines}.
 */
final class LineClassifier {

    /** Photo credits and caption openings: {@code …摄}, {@code …供图}, {@code 图为…}. */
    static final Pattern CAPTION = Pattern.compile("(摄|攝|供图|供圖|翻拍)\\s*[)）]?\\s*$|^\\s*(图为|图：|图:)");
    /** Page furniture: date line, page label, editor line, weekday. */
    static final Pattern FURNITURE = Pattern.compile(
            "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|第\\s*[0-9O]{1,3}\\s*版|责任编辑|编辑[:：]|星期[一二三四五六日天]|版\\s*[·・]");

    /**
     * The lines' roles.
     *
     * @param roles   role of each line, same indices as the lines
     * @param markers the jump and continuation markers, by line index
     * @param body    the body type the roles were judged by
     */
    record Classified(List<LineRole> roles, Map<Integer, JumpMarker> markers, BodyType body) {
    }

    private final LayoutRules.Lines rules;

    LineClassifier(LayoutRules.Lines rules) {
        this.rules = rules;
    }

    /**
     * Roles of a page's horizontal lines: masthead (front page only, with the lines level with
     * it), running head, jump and continuation lines, noise, headline, caption, body.
     *
     * @param lines      the lines, boxes in px of the page image; not empty
     * @param pageHeight page image height, px
     * @param frontPage  whether this is the first page of the document (the one with a masthead)
     * @param photos     boxes of the page's photos, px: the lines set under a photo are its caption
     * @return the roles and the body type they were judged by
     */
    Classified horizontal(List<OcrLine> lines, int pageHeight, boolean frontPage, List<Bbox> photos) {
        BodyType body = BodyType.measure(lines, true, rules);
        // the masthead is set in the page's largest type: a page whose largest type stands lower
        // down (an inside page read on its own) has none
        int largest = lines.stream().mapToInt(l -> l.bbox().height()).max().orElse(0);
        List<LineRole> roles = new ArrayList<>();
        Map<Integer, JumpMarker> markers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            OcrLine l = lines.get(i);
            Optional<JumpMarker> m = jumpMarker(l, l.bbox().height(), body);
            if (m.isPresent()) {
                markers.put(i, m.get());
            }
            roles.add(role(l, m.orElse(null), body, pageHeight, frontPage, largest));
        }
        // the masthead's side panel (date, issue number, weather) sits level with it, and so do the
        // other pieces of a title set in spaced-out large type (江城 日报), read as lines of their own
        int mastheadBottom = -1;
        List<Bbox> mastheads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (roles.get(i) == LineRole.MASTHEAD) {
                mastheadBottom = Math.max(mastheadBottom, lines.get(i).bbox().y1());
                mastheads.add(lines.get(i).bbox());
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            LineRole r = roles.get(i);
            Bbox b = lines.get(i).bbox();
            if (r == LineRole.HEADLINE && mastheads.stream().anyMatch(m -> rules.isMastheadPiece(b, m))) {
                roles.set(i, LineRole.MASTHEAD);
                continue;
            }
            if (mastheadBottom >= 0 && lines.get(i).bbox().y0() < mastheadBottom + rules.mastheadPanel() * body.size()
                    && (r == LineRole.BODY || r == LineRole.RUNNING_HEAD)) {
                roles.set(i, LineRole.MASTHEAD);
            }
        }
        titleLines(lines, roles, body);
        captionsUnder(photos, lines, roles, body);
        return new Classified(roles, markers, body);
    }

    /**
     * A kicker or subtitle set in type a little larger than the body, just above or below a
     * headline and centred on it, is part of the title: it is too small to be told from body
     * type by size alone, and its place tells it. Running text ({@link #runningText}) is not.
     */
    private void titleLines(List<OcrLine> lines, List<LineRole> roles, BodyType body) {
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < lines.size(); i++) {
                Bbox b = lines.get(i).bbox();
                double charW = (double) b.width() / Math.max(1, Measure.chars(lines.get(i)));
                if (roles.get(i) != LineRole.BODY || b.height() < rules.titleLineSize() * body.size()
                        || charW < rules.titleLinePitch() * body.pitch() || runningText(lines.get(i).text())) {
                    continue;
                }
                for (int h = 0; h < lines.size(); h++) {
                    Bbox hb = lines.get(h).bbox();
                    int gap = Math.max(hb.y0() - b.y1(), b.y0() - hb.y1());
                    double centres = Math.abs((b.x0() + b.x1()) / 2.0 - (hb.x0() + hb.x1()) / 2.0);
                    if (roles.get(h) == LineRole.HEADLINE && gap >= -b.height() / 2 && gap < rules.titleLineGap() * b.height()
                            && centres <= body.pitch() && b.width() < hb.width() + 2 * body.pitch()) {
                        roles.set(i, LineRole.HEADLINE);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Marks the caption under each photo: the body lines starting just below it, mostly within
     * its width, the lines of the same stack under them (a caption of several lines, whether
     * or not it ends with a credit such as {@code …摄}) and a line beside one of them on its row
     * (a credit set at the right). A caption line is never body text, so it
     * is never joined to the column below the photo.
     */
    private void captionsUnder(List<Bbox> photos, List<OcrLine> lines, List<LineRole> roles, BodyType body) {
        for (Bbox photo : photos) {
            int last = -1;
            for (int i = 0; i < lines.size(); i++) {
                Bbox b = lines.get(i).bbox();
                int within = Math.min(b.x1(), photo.x1()) - Math.max(b.x0(), photo.x0());
                boolean under = b.y0() >= photo.y1() - rules.captionGap() * body.size() / 2
                        && b.y0() - photo.y1() < rules.captionGap() * body.size();
                if (under && within >= rules.captionWithin() * b.width()
                        && (roles.get(i) == LineRole.BODY || roles.get(i) == LineRole.CAPTION)) {
                    roles.set(i, LineRole.CAPTION);
                    last = last < 0 || b.y1() > lines.get(last).bbox().y1() ? i : last;
                }
            }
            for (boolean more = last >= 0; more; ) {
                more = false;
                Bbox c = lines.get(last).bbox();
                for (int i = 0; i < lines.size(); i++) {
                    Bbox b = lines.get(i).bbox();
                    int within = Math.min(b.x1(), photo.x1()) - Math.max(b.x0(), photo.x0());
                    int vOverlap = Math.min(b.y1(), c.y1()) - Math.max(b.y0(), c.y0());
                    boolean next = b.y0() >= c.y1() - body.size() / 2
                            && b.y0() - c.y1() < rules.captionLeading() * body.size()
                            && Math.abs(b.x0() - c.x0()) <= body.pitch();
                    // a credit set at the right end of the caption's last line
                    boolean beside = vOverlap >= 0.5 * Math.min(b.height(), c.height())
                            && within >= rules.captionWithin() * b.width();
                    if (roles.get(i) == LineRole.BODY && (next || beside)) {
                        roles.set(i, LineRole.CAPTION);
                        last = next ? i : last;
                        more = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Roles of a page's vertical lines: jump and continuation lines, noise, headline, caption,
     * body (vertical text has no masthead or running heads here).
     *
     * @param lines every line of the page
     * @param down  indices of its vertical lines; not empty
     * @return roles by position in {@code down}, markers by line index, and the vertical body type
     */
    Classified vertical(List<OcrLine> lines, List<Integer> down) {
        BodyType body = BodyType.measure(down.stream().map(lines::get).toList(), false, rules);
        List<LineRole> roles = new ArrayList<>();
        Map<Integer, JumpMarker> markers = new HashMap<>();
        for (int i : down) {
            OcrLine l = lines.get(i);
            Bbox b = l.bbox();
            Optional<JumpMarker> m = jumpMarker(l, b.width(), body);
            LineRole r;
            if (m.isPresent()) {
                markers.put(i, m.get());
                r = m.get().kind();
            } else if (noise(l)) {
                r = LineRole.NOISE;
            } else if (b.width() >= rules.headlineSize() * body.size()
                    && (double) b.height() / Math.max(1, Measure.chars(l)) >= rules.headlinePitch() * body.pitch()) {
                r = LineRole.HEADLINE;
            } else if (CAPTION.matcher(l.text()).find()) {
                r = LineRole.CAPTION;
            } else {
                r = LineRole.BODY;
            }
            roles.add(r);
        }
        return new Classified(roles, markers, body);
    }

    private Optional<JumpMarker> jumpMarker(OcrLine l, int size, BodyType body) {
        return size < rules.jumpLineSize() * body.size() ? JumpMarker.parseLine(l.text()) : Optional.empty();
    }

    private boolean noise(OcrLine l) {
        return l.confidence() < rules.noiseConfidence()
                || Measure.chars(l) <= rules.shortLineChars() && l.confidence() < rules.shortLineConfidence();
    }

    private LineRole role(OcrLine l, JumpMarker marker, BodyType body, int pageHeight, boolean frontPage, int largest) {
        Bbox b = l.bbox();
        double charW = (double) b.width() / Math.max(1, Measure.chars(l));
        // Headline type is larger than body type: judged by character pitch and line height.
        // Line boxes carry a few pixels of margin (which brings the ratio of a headline to body
        // line heights towards 1), and a short justified body line has a wide pitch, so both must agree.
        boolean big = b.height() >= rules.headlineSize() * body.size() && charW >= rules.headlinePitch() * body.pitch()
                // or taller still and wider than body type (a small heading: its pitch is natural,
                // where justification widens the body's)
                || b.height() >= rules.smallHeadingSize() * body.size() && charW >= rules.smallHeadingPitch() * body.pitch();
        if (frontPage && b.height() >= rules.mastheadSize() * body.size() && b.y0() < rules.mastheadTop() * pageHeight
                && charW >= rules.headlinePitch() * body.pitch() && b.height() >= rules.mastheadLargest() * largest) {
            return LineRole.MASTHEAD;
        }
        if (marker != null) {
            return marker.kind();
        }
        if (!big && (b.y1() <= rules.headTop() * pageHeight || b.y0() >= rules.footTop() * pageHeight
                || b.y0() < rules.furnitureTop() * pageHeight && FURNITURE.matcher(l.text()).find()
                && JumpMarker.parseLeading(l.text()).isEmpty())) {
            return LineRole.RUNNING_HEAD;
        }
        if (noise(l)) {
            return LineRole.NOISE;
        }
        if (big && !runningText(l.text())) {
            return LineRole.HEADLINE;
        }
        if (CAPTION.matcher(l.text()).find()) {
            return LineRole.CAPTION;
        }
        return LineRole.BODY;
    }

    /**
     * Whether a line in large type is running text, not a title: a lead paragraph (导语) set
     * larger than the body, at least {@value #RUNNING_CHARS} characters with at least
     * {@value #RUNNING_MARKS} marks that part sentences (，。、；：！？, half-width too). A title
     * has a space or one mark at most between its parts.
     */
    static boolean runningText(String text) {
        long marks = text.codePoints().filter(c -> "，。、；：！？,;:!?".indexOf(c) >= 0).count();
        return marks >= RUNNING_MARKS && Measure.chars(text) >= RUNNING_CHARS;
    }

    /** Least characters of a line of running text in large type. */
    static final int RUNNING_CHARS = 16;
    /** Least sentence marks of a line of running text in large type. */
    static final int RUNNING_MARKS = 2;
}
