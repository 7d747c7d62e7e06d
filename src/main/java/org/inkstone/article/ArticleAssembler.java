package org.inkstone.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inkstone.layout.JumpMarker;
import org.inkstone.layout.PageLayout;
import org.inkstone.layout.TitleParts;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.text.ChineseText;

/**
 * Article segmentation across a document: every module of every page is a fragment; fragments
 * joined by jump lines become one article spanning the pages. A jump line {@code 下转q版k} on
 * page p is matched to a continuation line {@code 上接p版k} on page q: by the circled number k
 * where both ends have a readable one, otherwise in reading order of the jump lines on page p
 * and of the continuation lines on page q (top to bottom, then left to right). A jump line whose
 * page number OCR could not read continues on the first later page with a continuation line
 * naming its page that no readable jump line claims. A paragraph
 * whose sentence runs on across the jump (it ends without {@code 。！？…；}) continues in the
 * first paragraph of the next fragment.
 */
public final class ArticleAssembler {

    /** A fragment: one module of one page. */
    private record Piece(PageLayout page, PageLayout.Module module) {
        int y() {
            return module.bbox().y0();
        }
    }

    /**
     * @param documentName export name of the document, used as the id prefix
     * @param pages        layouts of the document's pages, in page order
     * @return the articles in order of their first fragment (page, then reading order)
     */
    public List<Article> assemble(String documentName, List<PageLayout> pages) {
        return assemble(documentName, pages, List.of());
    }

    /**
     * Assembles the articles and then applies reviewers' corrections of their segmentation, in
     * the order they were made. An edit naming a fragment the layout no longer has, or one that
     * would make an article run in a circle, is passed over.
     *
     * @param documentName export name of the document, used as the id prefix
     * @param pages        layouts of the document's pages, in page order
     * @param edits        corrections of the segmentation, oldest first
     * @return the articles in order of their first fragment (page, then reading order)
     */
    public List<Article> assemble(String documentName, List<PageLayout> pages, List<StructureEdit> edits) {
        List<Piece> pieces = new ArrayList<>();
        for (PageLayout p : pages) {
            for (PageLayout.Module m : p.modules()) {
                pieces.add(new Piece(p, m));
            }
        }
        Map<Piece, Piece> next = link(pieces);
        apply(pieces, next, edits);
        Set<Piece> continued = new HashSet<>(next.values());
        List<Article> articles = new ArrayList<>();
        for (Piece start : pieces) {
            if (continued.contains(start)) {
                continue;
            }
            List<Piece> chain = new ArrayList<>();
            Set<Piece> seen = new HashSet<>();
            for (Piece p = start; p != null && seen.add(p); p = next.get(p)) {
                chain.add(p);
            }
            articles.add(article(String.format("%s/a%03d", documentName, articles.size() + 1), chain));
        }
        return articles;
    }

    private static String key(Piece p) {
        return StructureEdit.key(p.page().pageNo(), p.module().headline(), p.module().body());
    }

    /** Applies the edits to the links between pieces (a piece → the piece its article continues with). */
    private static void apply(List<Piece> pieces, Map<Piece, Piece> next, List<StructureEdit> edits) {
        Map<String, Piece> byKey = new HashMap<>();
        for (Piece p : pieces) {
            byKey.putIfAbsent(key(p), p);
        }
        for (StructureEdit e : edits) {
            Piece x = byKey.get(e.fragment());
            Piece y = e.target() == null ? null : byKey.get(e.target());
            if (x == null || e.op() != StructureEdit.Op.UNLINK && (y == null || y == x)) {
                continue;
            }
            Piece before = previous(next, x);
            switch (e.op()) {
                case UNLINK -> {
                    if (before != null) {
                        next.remove(before);
                    }
                }
                case LINK -> {
                    if (reaches(next, x, y)) {
                        continue; // y's article already runs on into x's fragments
                    }
                    if (before != null) {
                        next.remove(before);
                    }
                    next.put(y, x);
                }
                case MOVE -> {
                    Piece after = next.remove(x);
                    if (before != null) {
                        next.remove(before);
                        if (after != null) {
                            next.put(before, after);
                        }
                    }
                    Piece yAfter = next.get(y);
                    next.put(y, x);
                    if (yAfter != null && yAfter != x) {
                        next.put(x, yAfter);
                    }
                }
            }
        }
    }

    private static Piece previous(Map<Piece, Piece> next, Piece p) {
        for (var e : next.entrySet()) {
            if (e.getValue() == p) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Whether the article running on from {@code from} reaches {@code to}. */
    private static boolean reaches(Map<Piece, Piece> next, Piece from, Piece to) {
        Set<Piece> seen = new HashSet<>();
        for (Piece p = from; p != null && seen.add(p); p = next.get(p)) {
            if (p == to) {
                return true;
            }
        }
        return false;
    }

    private static Map<Piece, Piece> link(List<Piece> pieces) {
        Map<Piece, Piece> next = new LinkedHashMap<>();
        Map<String, List<Piece>> sources = new LinkedHashMap<>(), targets = new LinkedHashMap<>();
        for (Piece p : pieces) {
            JumpMarker from = p.module().jumpFrom(), to = p.module().jumpTo();
            if (from != null && from.page() != p.page().pageNo()) {
                // (a jump line whose page was not read is keyed to page JumpMarker.UNREAD_PAGE)
                sources.computeIfAbsent(p.page().pageNo() + ">" + from.page(), k -> new ArrayList<>()).add(p);
            }
            if (to != null && to.page() != p.page().pageNo()) {
                targets.computeIfAbsent(to.page() + ">" + p.page().pageNo(), k -> new ArrayList<>()).add(p);
            }
        }
        // a jump line whose page was not read continues on the first later page whose continuation
        // line names its page and is not claimed by a readable jump
        Map<String, List<Piece>> unread = new LinkedHashMap<>();
        for (var e : new ArrayList<>(sources.entrySet())) {
            String[] pq = e.getKey().split(">");
            if (Integer.parseInt(pq[1]) != JumpMarker.UNREAD_PAGE) {
                continue;
            }
            sources.remove(e.getKey());
            for (Piece p : e.getValue()) {
                int here = p.page().pageNo();
                int q = targets.keySet().stream().filter(k -> k.startsWith(here + ">"))
                        .mapToInt(k -> Integer.parseInt(k.substring(k.indexOf('>') + 1)))
                        .filter(page -> page > here && !sources.containsKey(here + ">" + page)).min().orElse(-1);
                if (q > 0) {
                    unread.computeIfAbsent(here + ">" + q, k -> new ArrayList<>()).add(p);
                }
            }
        }
        unread.forEach((k, v) -> sources.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        for (var e : sources.entrySet()) {
            List<Piece> from = readingOrder(e.getValue(), p -> p.module().bbox().y1());
            List<Piece> to = readingOrder(targets.getOrDefault(e.getKey(), List.of()), Piece::y);
            // first pair the ends whose circled numbers agree, then the rest in reading order
            for (Piece f : new ArrayList<>(from)) {
                int key = f.module().jumpFrom().key();
                Piece match = key == 0 ? null
                        : to.stream().filter(t -> t.module().jumpTo().key() == key).findFirst().orElse(null);
                if (match != null) {
                    next.put(f, match);
                    from.remove(f);
                    to.remove(match);
                }
            }
            to.removeIf(t -> t.module().jumpTo().key() != 0 && from.stream().noneMatch(f -> f.module().jumpFrom().key() == 0));
            for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
                next.put(from.get(i), to.get(i));
            }
        }
        return next;
    }

    /**
     * Orders pieces top to bottom by a reference height, pieces whose heights differ by less
     * than two body lines counting as one row, read left to right.
     */
    private static List<Piece> readingOrder(List<Piece> pieces, java.util.function.ToIntFunction<Piece> y) {
        List<Piece> byY = new ArrayList<>(pieces);
        byY.sort(Comparator.comparingInt(y));
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < byY.size()) {
            int top = y.applyAsInt(byY.get(i));
            double tol = 2 * byY.get(i).page().bodyHeight();
            int j = i;
            while (j < byY.size() && y.applyAsInt(byY.get(j)) - top < tol) {
                j++;
            }
            List<Piece> row = new ArrayList<>(byY.subList(i, j));
            row.sort(Comparator.comparingInt(p -> p.module().bbox().x0()));
            out.addAll(row);
            i = j;
        }
        return out;
    }

    private static Article article(String id, List<Piece> chain) {
        String title = "";
        Article.Heading heading = Article.Heading.NONE;
        List<String> paragraphs = new ArrayList<>();
        List<String> allLines = new ArrayList<>();
        List<Article.Fragment> fragments = new ArrayList<>();
        List<Article.Jump> jumps = new ArrayList<>();
        for (int k = 0; k < chain.size(); k++) {
            Piece p = chain.get(k);
            PageLayout.Module m = p.module();
            List<OcrLine> lines = p.page().lines();
            if (title.isEmpty() && !m.headline().isEmpty()) {
                TitleParts parts = TitleParts.of(lines, m.headline());
                heading = new Article.Heading(titleText(lines, parts.kicker(), m.bbox()),
                        titleText(lines, parts.headline(), m.bbox()), titleText(lines, parts.subtitle(), m.bbox()));
                title = titleText(lines, m.headline(), m.bbox());
            }
            for (int q = 0; q < m.paragraphs().size(); q++) {
                String par = ChineseText.normalizePunctuation(m.paragraphs().get(q));
                int last = paragraphs.size() - 1;
                // a sentence that runs on across the jump continues its paragraph
                if (q == 0 && k > 0 && last >= 0 && !ChineseText.endsSentence(paragraphs.get(last))) {
                    paragraphs.set(last, paragraphs.get(last) + par);
                } else {
                    paragraphs.add(par);
                }
            }
            double conf = 0;
            int chars = 0;
            for (List<Integer> part : List.of(m.headline(), m.body())) {
                for (int i : part) {
                    OcrLine l = lines.get(i);
                    int c = Math.max(1, l.text().strip().length());
                    conf += c * l.confidence();
                    chars += c;
                    allLines.add(l.text());
                }
            }
            fragments.add(new Article.Fragment(p.page().pageNo(), m.bbox(), m.headline(), m.body(),
                    chars == 0 ? 0 : conf / chars, m.certainty()));
            if (k + 1 < chain.size() && m.jumpFrom() != null) {
                jumps.add(new Article.Jump(p.page().pageNo(), chain.get(k + 1).page().pageNo(), m.jumpFrom().marker()));
            }
        }
        return new Article(id, ArticleFields.kind(title, allLines), title, heading, ArticleFields.byline(paragraphs),
                String.join("\n", paragraphs), fragments, jumps);
    }

    /**
     * Title lines as a reader sees them: each line cleaned, lines (and the pieces of a line cut by
     * the recogniser) separated by one space, as the parts of a Chinese title are set apart; a
     * line wrapped at the end of the measure ({@link TitleParts#wraps}) runs on without one.
     */
    private static String titleText(List<OcrLine> lines, List<Integer> title, Bbox module) {
        StringBuilder out = new StringBuilder();
        int prev = -1;
        for (int i : title) {
            String t = ChineseText.normalizePunctuation(ChineseText.removeSpacesAroundHan(lines.get(i).text()));
            if (t.isEmpty()) {
                continue;
            }
            if (prev >= 0 && !TitleParts.wraps(lines.get(prev), lines.get(i), module)) {
                out.append(' ');
            }
            out.append(t);
            prev = i;
        }
        return out.toString();
    }
}
