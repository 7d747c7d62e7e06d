package org.inkstone.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URI;
import org.inkstone.export.Publication;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.IndexedDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Page images by the IIIF Image API 3.0 ({@code https://iiif.io/api/image/3.0/}) at compliance
 * level 1 (with region by percent, size by percent and confined size of level 2), one image
 * service per page, identified as {@code /iiif/{document}/{page}}:
 *
 * <ul>
 * <li>{@code GET /iiif/{document}/{page}/{region}/{size}/0/{quality}.jpg} — region {@code full},
 *     {@code square}, {@code x,y,w,h} (px of the page image at scan resolution) or
 *     {@code pct:x,y,w,h}; size {@code max}, {@code w,}, {@code ,h}, {@code pct:n}, {@code w,h}
 *     or {@code !w,h}, never enlarged; rotation 0; quality {@code default}, {@code color} or
 *     {@code gray}; format jpg. Anything else is HTTP 400.</li>
 * <li>{@code GET /iiif/{document}/{page}/info.json} — the service description (JSON-LD media
 *     type) with its absolute {@code id}, as the client reached this server, and the page's width
 *     and height in px; {@code GET /iiif/{document}/{page}} redirects there (HTTP 303).</li>
 * <li>A page the job could not read (status {@code failed}) has no image service: all these
 *     routes answer HTTP 404 for it.</li>
 * <li>{@code GET /api/documents/{document}/pages/{page}/image} — the whole page, as
 *     {@code full/max}.</li>
 * </ul>
 *
 * Images depend only on the document's hash, so they are sent with an ETag and may be cached
 * by the browser for a day. Every IIIF answer allows any origin (CORS), as IIIF viewers load
 * images from other sites.
 */
@RestController
public class IiifController {

    /** The CORS header IIIF services send, so viewers on other sites may load them. */
    static final String CORS = "Access-Control-Allow-Origin";
    /** The media type of IIIF Image API 3 descriptions. */
    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"");

    private final ArticleSearcher searcher;
    private final PageImages images;

    /**
     * @param searcher the article index (documents and their pages)
     * @param images   page images from the PDFs
     */
    public IiifController(ArticleSearcher searcher, PageImages images) {
        this.searcher = searcher;
        this.images = images;
    }

    /**
     * @param document export name of a document
     * @param page     page number counted from 1
     * @return the IIIF identifier of the page's image service, a path on this server
     */
    public static String base(String document, int page) {
        return "/iiif/" + Publication.segment(document) + "/" + page;
    }

    /**
     * @return where this server is published as the current request reached it (scheme, host,
     *         port and context path): the base of the absolute IIIF ids it answers with
     */
    static Publication here() {
        return new Publication(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }

    /**
     * @return the JPEG of a region of a page
     * @throws PageImages.BadImageRequest for a bad region, size, rotation or format (HTTP 400)
     * @throws ApiErrors.NotFound         for an unknown document (HTTP 404)
     * @throws PageImages.ScanNotFound    for an unknown page, a page the job could not read, or a
     *                                    scan no longer on disk (HTTP 404)
     * @throws IOException                if the PDF cannot be read
     */
    @GetMapping("/iiif/{document}/{page}/{region}/{size}/{rotation}/{file}")
    public ResponseEntity<byte[]> image(@PathVariable String document, @PathVariable int page, @PathVariable String region,
                                        @PathVariable String size, @PathVariable String rotation, @PathVariable String file,
                                        WebRequest request) throws IOException {
        if (!"0".equals(rotation)) {
            throw new PageImages.BadImageRequest("rotation must be 0, not '" + rotation + "'");
        }
        if (!file.endsWith(".jpg")) {
            throw new PageImages.BadImageRequest("format must be jpg, not '" + file + "'");
        }
        String quality = file.substring(0, file.length() - ".jpg".length());
        IndexedDocument doc = document(document);
        PageImages.readable(doc, page);
        String etag = "\"" + doc.sha256().substring(0, 16) + "-" + page + "-" + region + "-" + size + "-" + quality + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        byte[] jpeg = images.jpeg(doc, page, region, size, quality);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).eTag(etag).header(CORS, "*")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(jpeg);
    }

    /**
     * The image service's own URI sends the client on to its description (IIIF Image API 3.0,
     * "baseUriRedirect").
     *
     * @return HTTP 303 to {@code info.json}
     * @throws ApiErrors.NotFound      for an unknown document (HTTP 404)
     * @throws PageImages.ScanNotFound for an unknown page or a page the job could not read (HTTP 404)
     * @throws IOException             if the index cannot be read
     */
    @GetMapping("/iiif/{document}/{page:\\d+}")
    public ResponseEntity<Void> service(@PathVariable String document, @PathVariable int page) throws IOException {
        PageImages.readable(document(document), page);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(CORS, "*")
                .location(URI.create(absolute(document, page) + "/info.json")).build();
    }

    /**
     * @return the whole page image as JPEG
     * @throws ApiErrors.NotFound      for an unknown document (HTTP 404)
     * @throws PageImages.ScanNotFound for an unknown page or a page the job could not read (HTTP 404)
     * @throws IOException        if the PDF cannot be read
     */
    @GetMapping("/api/documents/{document}/pages/{page}/image")
    public ResponseEntity<byte[]> page(@PathVariable String document, @PathVariable int page, WebRequest request)
            throws IOException {
        return image(document, page, "full", "max", "0", "default.jpg", request);
    }

    /**
     * @return the IIIF image service description of a page
     * @throws ApiErrors.NotFound      for an unknown document (HTTP 404)
     * @throws PageImages.ScanNotFound for an unknown page, or a page the job could not read and
     *                                 that therefore has no image (HTTP 404)
     * @throws IOException        if the index cannot be read
     */
    @GetMapping("/iiif/{document}/{page}/info.json")
    public ResponseEntity<Map<String, Object>> info(@PathVariable String document, @PathVariable int page) throws IOException {
        IndexedDocument.Page p = PageImages.readable(document(document), page);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "http://iiif.io/api/image/3/context.json");
        m.put("id", absolute(document, page));
        m.put("type", "ImageService3");
        m.put("protocol", "http://iiif.io/api/image");
        m.put("profile", "level1");
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("maxWidth", PageImages.MAX_WIDTH);
        m.put("maxHeight", PageImages.MAX_WIDTH);
        m.put("extraQualities", List.of("gray"));
        m.put("extraFeatures", List.of("regionByPct", "sizeByPct", "sizeByConfinedWh"));
        return ResponseEntity.ok().contentType(JSON_LD).header(CORS, "*").body(m);
    }

    /** The page's image service as an absolute URL on this server, as the client reached it. */
    private static String absolute(String document, int page) {
        return here().imageService(document, page);
    }

    private IndexedDocument document(String name) throws IOException {
        return searcher.document(name).orElseThrow(() -> new ApiErrors.NotFound("no document " + name));
    }
}
