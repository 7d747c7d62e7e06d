package org.inkstone.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.inkstone.export.ManifestWriter;
import org.inkstone.export.Publication;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.IndexedDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The library exports of each digitized issue as files to download, and its IIIF manifest:
 *
 * <ul>
 * <li>{@code GET /exports/{document}/{file}} — {@code articles.json}, {@code mets.xml},
 *     {@code manifest.json} and the searchable PDF {@code NAME.pdf};
 *     {@code /exports/{document}/alto/NNNN.xml}, {@code /exports/{document}/page/NNNN.xml} and
 *     {@code /exports/{document}/text/aNNN.txt}:
 *     the files the job wrote into {@code OUTPUT/NAME/}, nothing else (HTTP 404).</li>
 * <li>{@code GET /iiif/{document}/manifest} — the issue's IIIF Presentation 3 manifest
 *     ({@code OUTPUT/NAME/manifest.json}), its URLs moved onto the address this request reached
 *     when the job wrote them under another {@code inkstone.publish.base-url}, so a manifest
 *     written for the published address also opens from this machine.</li>
 * </ul>
 * Answers allow any origin (CORS): IIIF viewers and repositories load them from other sites.
 */
@RestController
public class ExportsController {

    private static final Pattern TOP = Pattern.compile("articles\\.json|mets\\.xml|manifest\\.json|[^/\\\\]+\\.pdf");
    private static final Pattern ALTO = Pattern.compile("\\d{4}\\.xml");
    private static final Pattern TEXT = Pattern.compile("a\\d{3,6}\\.txt");
    /** The media type of IIIF Presentation 3 documents. */
    static final MediaType PRESENTATION = MediaType.parseMediaType(
            "application/ld+json;profile=\"" + ManifestWriter.CONTEXT + "\"");

    private final ArticleSearcher searcher;
    private final Path output;

    /**
     * @param searcher the article index (which documents exist)
     * @param output   the job's output folder
     */
    public ExportsController(ArticleSearcher searcher, @Value("${" + ReadingRoom.OUTPUT + "}") Path output) {
        this.searcher = searcher;
        this.output = output;
    }

    /**
     * @return a file of the issue's export folder
     * @throws ApiErrors.NotFound for an unknown document or a file that is not an export (HTTP 404)
     * @throws IOException        if the index cannot be read
     */
    @GetMapping("/exports/{document}/{file}")
    public ResponseEntity<Resource> file(@PathVariable String document, @PathVariable String file) throws IOException {
        IndexedDocument doc = document(document);
        if (!TOP.matcher(file).matches() || file.endsWith(".pdf") && !file.equals(doc.name() + ".pdf")) {
            throw new ApiErrors.NotFound("no export " + file + " of " + document);
        }
        return send(doc, output.resolve(doc.name()).resolve(file), file);
    }

    /**
     * @return an ALTO or PAGE file or an article's text
     * @throws ApiErrors.NotFound for an unknown document or a file that is not an export (HTTP 404)
     * @throws IOException        if the index cannot be read
     */
    @GetMapping("/exports/{document}/{folder}/{file}")
    public ResponseEntity<Resource> nested(@PathVariable String document, @PathVariable String folder,
                                           @PathVariable String file) throws IOException {
        IndexedDocument doc = document(document);
        boolean ok = ("alto".equals(folder) || "page".equals(folder)) && ALTO.matcher(file).matches()
                || "text".equals(folder) && TEXT.matcher(file).matches();
        if (!ok) {
            throw new ApiErrors.NotFound("no export " + folder + "/" + file + " of " + document);
        }
        return send(doc, output.resolve(doc.name()).resolve(folder).resolve(file), file);
    }

    /**
     * @return the issue's IIIF manifest (see the class comment)
     * @throws ApiErrors.NotFound for an unknown document or one without a manifest (HTTP 404)
     * @throws IOException        if the index or the manifest cannot be read
     */
    @GetMapping("/iiif/{document}/manifest")
    public ResponseEntity<String> manifest(@PathVariable String document) throws IOException {
        IndexedDocument doc = document(document);
        Path file = output.resolve(doc.name()).resolve(ManifestWriter.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ApiErrors.NotFound("no IIIF manifest of " + document + " (run the job to write it)");
        }
        String json = Files.readString(file);
        String here = IiifController.here().baseUrl();
        String written = writtenBase(json, doc.name());
        if (written != null && !written.equals(here)) {
            json = json.replace("\"" + written + "/", "\"" + here + "/");
        }
        return ResponseEntity.ok().contentType(PRESENTATION).header(IiifController.CORS, "*").body(json);
    }

    /** The base URL a manifest was written under: its id without {@code /iiif/NAME/manifest}. */
    static String writtenBase(String json, String name) {
        String suffix = "/iiif/" + Publication.segment(name) + "/manifest\"";
        int end = json.indexOf(suffix);
        if (end < 0) {
            return null;
        }
        int start = json.lastIndexOf('"', end - 1);
        return start < 0 ? null : json.substring(start + 1, end);
    }

    private ResponseEntity<Resource> send(IndexedDocument doc, Path file, String name) {
        if (!Files.isRegularFile(file)) {
            throw new ApiErrors.NotFound("no export " + name + " of " + doc.name() + " (run the job to write it)");
        }
        MediaType type = name.endsWith(".pdf") ? MediaType.APPLICATION_PDF
                : name.endsWith(".xml") ? MediaType.APPLICATION_XML
                : name.endsWith(".txt") ? new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type).header(IiifController.CORS, "*")
                .header("Content-Disposition", "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .body(new FileSystemResource(file));
    }

    private IndexedDocument document(String name) throws IOException {
        return searcher.document(name).orElseThrow(() -> new ApiErrors.NotFound("no document " + name));
    }
}
