package org.inkstone.web;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkstone.article.StructureEdit;
import org.inkstone.model.Bbox;
import org.inkstone.store.Corrections;
import org.inkstone.store.DocumentStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue's API ({@code /api/review/}, role {@code REVIEWER}; the page is
 * {@code /review/}): pages and articles ranked by estimated quality, a page's lines with the crop
 * of the page image each was read from, corrections of a line's text, a line's versions, and the
 * page's review state. A correction is stored as a new version (the machine's reading stays, with
 * who corrected what and when) whose characters keep the boxes of those they replace, and the
 * document's articles, exports and search entries follow at once ({@link ReviewExports}).
 * Corrections of the article segmentation (split, merge, move a fragment, link or unlink a jump)
 * are recorded as {@link StructureEdit}s and applied whenever the document's articles are
 * assembled, by the review and by later runs alike.
 */
@RestController
@RequestMapping("/api/review")
public class ReviewController {

    /** Margin around a line's box in its image crop, in line heights. */
    private static final double CROP_MARGIN = 0.15;

    private final Corrections corrections;
    private final ReviewExports exports;
    private final DocumentStore store;

    /**
     * @param corrections the review queue's side of the database
     * @param exports     refreshes a corrected document's exports and index entries
     * @param store       the document store, for a document's articles
     */
    public ReviewController(Corrections corrections, ReviewExports exports, DocumentStore store) {
        this.corrections = corrections;
        this.exports = exports;
        this.store = store;
    }

    /**
     * @param done  whether pages whose review is done are listed too
     * @param limit most pages and most articles listed
     * @return {@code pages} ({@link Corrections.QueuedPage}) and {@code articles}
     *         ({@link Corrections.QueuedArticle}), each in review order
     */
    @GetMapping("/queue")
    public Map<String, Object> queue(@RequestParam(defaultValue = "false") boolean done,
                                     @RequestParam(defaultValue = "100") int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        return Map.of("pages", corrections.queue(done, n), "articles", corrections.articleQueue(n));
    }

    /**
     * @param pageId database id of a page
     * @return the page ({@code page}, {@code width}, {@code height}) and its {@code lines}, each
     *         with {@code image}: the IIIF URL of the page image cropped to the line's box
     * @throws ApiErrors.NotFound for an unknown page
     */
    @GetMapping("/pages/{pageId}")
    public Map<String, Object> page(@PathVariable long pageId) {
        Corrections.ReviewPage page = corrections.page(pageId);
        if (page == null) {
            throw new ApiErrors.NotFound("no digitized page " + pageId);
        }
        String base = IiifController.base(page.page().document(), page.page().pageNo());
        List<Map<String, Object>> lines = page.lines().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lineId", l.lineId());
            m.put("seq", l.seq());
            m.put("text", l.text());
            m.put("machineText", l.machineText());
            m.put("bbox", l.bbox());
            m.put("confidence", l.confidence());
            m.put("version", l.version());
            m.put("role", l.role());
            m.put("image", base + "/" + crop(l.bbox(), page.width(), page.height()) + "/max/0/default.jpg");
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", page.page());
        out.put("width", page.width());
        out.put("height", page.height());
        out.put("lines", lines);
        return out;
    }

    /** @return the IIIF region {@code x,y,w,h} of a line's box with a margin, inside the page */
    static String crop(Bbox b, int width, int height) {
        int m = (int) Math.round(CROP_MARGIN * Math.min(b.x1() - b.x0(), b.y1() - b.y0()));
        int x0 = Math.max(0, b.x0() - m), y0 = Math.max(0, b.y0() - m);
        int x1 = width > 0 ? Math.min(width, b.x1() + m) : b.x1() + m;
        int y1 = height > 0 ? Math.min(height, b.y1() + m) : b.y1() + m;
        return x0 + "," + y0 + "," + Math.max(1, x1 - x0) + "," + Math.max(1, y1 - y0);
    }

    /**
     * The body of a correction.
     *
     * @param text the line's corrected text
     */
    public record CorrectionRequest(String text) {
    }

    /**
     * Corrects a line's text.
     *
     * @param lineId    database id of the line
     * @param request   the corrected text
     * @param reviewer  the logged-in reviewer
     * @return {@code changed} (false when the text was the current text), {@code version},
     *         {@code previous}, {@code text}, {@code words} (with boxes, page px) and {@code exports}
     *         (what became of the document's exports: see {@link ReviewExports#refresh})
     * @throws ApiErrors.BadRequest for an unknown line or a blank or too long text
     * @throws IOException          if the exports or the index cannot be written
     */
    @PostMapping("/lines/{lineId}")
    public Map<String, Object> correct(@PathVariable long lineId, @RequestBody CorrectionRequest request,
                                       Principal reviewer) throws IOException {
        Corrections.Correction c;
        try {
            c = corrections.correct(lineId, request.text(), reviewer.getName());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changed", c != null);
        if (c != null) {
            out.put("version", c.version());
            out.put("previous", c.previous());
            out.put("text", c.text());
            out.put("words", c.words());
            out.put("exports", exports.refresh(c.documentId()));
        }
        return out;
    }

    /**
     * @param lineId database id of a line
     * @return every version of its text, the machine's reading (version 0) first
     * @throws ApiErrors.NotFound for an unknown line
     */
    @GetMapping("/lines/{lineId}/versions")
    public List<Corrections.Version> versions(@PathVariable long lineId) {
        List<Corrections.Version> v = corrections.versions(lineId);
        if (v.isEmpty()) {
            throw new ApiErrors.NotFound("no line " + lineId);
        }
        return v;
    }

    /**
     * @param documentId database id of a document
     * @return its {@code articles} in order (id, title, kind, and each fragment's {@code key} for
     *         structure edits, page, bbox and {@code opening}: its first line), and the structure
     *         {@code edits} made so far (op, fragment, target, author, at)
     * @throws ApiErrors.NotFound for an unknown document
     */
    @GetMapping("/documents/{documentId}/articles")
    public Map<String, Object> articles(@PathVariable long documentId) {
        if (store.document(documentId).isEmpty()) {
            throw new ApiErrors.NotFound("no document " + documentId);
        }
        Map<Integer, List<org.inkstone.model.OcrLine>> lines = new java.util.HashMap<>();
        for (org.inkstone.store.PageRecord p : store.pages(documentId)) {
            lines.put(p.pageNo(), p.lines());
        }
        List<Map<String, Object>> articles = store.articles(documentId).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("title", a.title());
            m.put("kind", a.kind().name().toLowerCase());
            m.put("fragments", a.fragments().stream().map(f -> {
                List<org.inkstone.model.OcrLine> page = lines.getOrDefault(f.page(), List.of());
                List<Integer> all = new java.util.ArrayList<>(f.headline());
                all.addAll(f.body());
                String opening = all.stream().sorted().filter(i -> i < page.size()).findFirst()
                        .map(i -> page.get(i).text()).orElse("");
                return Map.of("key", StructureEdit.key(f), "page", f.page(), "bbox", f.bbox(), "opening", opening);
            }).toList());
            return m;
        }).toList();
        return Map.of("articles", articles, "edits", corrections.structureEdits(documentId));
    }

    /**
     * The body of a structure edit.
     *
     * @param op       {@code UNLINK} (split the article before the fragment, or unlink a jump),
     *                 {@code LINK} (the fragment and those after it continue after the target:
     *                 merge articles, link a jump) or {@code MOVE} (the fragment alone follows the target)
     * @param fragment the fragment's key ({@code PAGE:LINE})
     * @param target   the target fragment's key, for LINK and MOVE
     */
    public record StructureRequest(String op, String fragment, String target) {
    }

    /**
     * Corrects a document's article segmentation: the edit is recorded (who, when) and the
     * document's articles are assembled again with every edit, its exports and search entries
     * following at once.
     *
     * @return {@code exports} (see {@link ReviewExports#refresh}) and the document's articles as
     *         {@link #articles} gives them
     * @throws ApiErrors.BadRequest for an unknown op or a missing fragment or target
     * @throws ApiErrors.NotFound   for an unknown document
     * @throws IOException          if the exports or the index cannot be written
     */
    @PostMapping("/documents/{documentId}/structure")
    public Map<String, Object> structure(@PathVariable long documentId, @RequestBody StructureRequest request,
                                         Principal reviewer) throws IOException {
        if (store.document(documentId).isEmpty()) {
            throw new ApiErrors.NotFound("no document " + documentId);
        }
        StructureEdit edit;
        try {
            edit = new StructureEdit(StructureEdit.Op.valueOf(String.valueOf(request.op()).toUpperCase(java.util.Locale.ROOT)),
                    request.fragment(), request.target());
            corrections.addStructureEdit(documentId, edit, reviewer.getName());
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest(e.getMessage().startsWith("No enum")
                    ? "op must be UNLINK, LINK or MOVE, not " + request.op() : e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exports", exports.refresh(documentId));
        out.putAll(articles(documentId));
        return out;
    }

    /**
     * The body of a review state change.
     *
     * @param state {@code NEW}, {@code IN_REVIEW} or {@code DONE}
     */
    public record StateRequest(String state) {
    }

    /**
     * Moves a page along its review workflow.
     *
     * @return the page as queued now
     * @throws ApiErrors.BadRequest for an unknown state
     * @throws ApiErrors.NotFound   for an unknown page
     */
    @PostMapping("/pages/{pageId}/state")
    public Corrections.QueuedPage state(@PathVariable long pageId, @RequestBody StateRequest request, Principal reviewer) {
        try {
            if (!corrections.setState(pageId, request.state(), reviewer.getName())) {
                throw new ApiErrors.NotFound("no page " + pageId);
            }
        } catch (IllegalArgumentException e) {
            throw new ApiErrors.BadRequest(e.getMessage());
        }
        return corrections.page(pageId).page();
    }
}
