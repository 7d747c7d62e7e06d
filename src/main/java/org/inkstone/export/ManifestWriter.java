package org.inkstone.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inkstone.article.Article;
import org.inkstone.model.Bbox;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageRecord;
import org.inkstone.text.ScriptLanguage;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an issue's IIIF Presentation API 3.0 manifest ({@code https://iiif.io/api/presentation/3.0/}),
 * the file IIIF viewers (Mirador, Universal Viewer) open: {@code OUTPUT/NAME/manifest.json}.
 *
 * <ul>
 * <li>the manifest: {@code id} {@code BASE/iiif/NAME/manifest}, label newspaper and date,
 *     metadata (newspaper, date, pages), {@code navDate}, the searchable PDF as
 *     {@code rendering}, the METS document as {@code seeAlso}, and the issue's search services:
 *     IIIF Content Search 2.0 ({@code BASE/iiif/NAME/search}) and 1.0 ({@code …/search1}, for
 *     viewers that speak only that, such as Mirador);</li>
 * <li>one {@code Canvas} per digitized page ({@code BASE/iiif/NAME/canvas/N}, labelled 第N版, the
 *     size of the page image in px at scan resolution), painted with the page image through its
 *     IIIF Image API 3 service (level 1, {@code BASE/iiif/NAME/N}), the page's ALTO as
 *     {@code seeAlso}; pages that could not be read have no image and no canvas;</li>
 * <li>{@code structures}: one {@code Range} per item in reading order, labelled with its title,
 *     whose items are the parts of canvases it occupies ({@code SpecificResource} with an
 *     {@code xywh=} {@code FragmentSelector}): a jumped article is one range over its pages.</li>
 * </ul>
 * Language maps use the BCP 47 tag of the collection's script ({@code zh-Hans}, {@code zh-Hant})
 * for Chinese text and {@code en} for the field names. Every URL starts with the publication's
 * base URL ({@link Publication}); the file's content depends only on the stored issue.
 */
public final class ManifestWriter {

    /** The file name of an issue's manifest in its export folder. */
    public static final String FILE_NAME = "manifest.json";
    /** IIIF Presentation 3 JSON-LD context. */
    public static final String CONTEXT = "http://iiif.io/api/presentation/3/context.json";

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final String configuredLanguage;

    /** @param configuredLanguage the collection's Tesseract language, for the language maps; null when not known */
    public ManifestWriter(String configuredLanguage) {
        this.configuredLanguage = configuredLanguage;
    }

    /**
     * Writes the manifest.
     *
     * @param doc     the issue
     * @param file    where to write it (its folder is created if missing)
     * @param publish where the reading room is published
     * @throws IOException if the file cannot be written
     */
    public void write(DocumentExport doc, Path file, Publication publish) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), manifest(doc, publish));
    }

    /**
     * @param doc     the issue
     * @param publish where the reading room is published
     * @return the manifest as JSON-ready maps and lists
     */
    public Map<String, Object> manifest(DocumentExport doc, Publication publish) {
        String name = doc.document().exportName();
        String lang = ScriptLanguage.of(configuredLanguage);
        String newspaper = Publication.newspaper(doc);
        String date = doc.issue().date();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", CONTEXT);
        m.put("id", publish.manifest(name));
        m.put("type", "Manifest");
        m.put("label", Map.of(lang, List.of(Publication.issueLabel(doc))));
        List<Object> metadata = new ArrayList<>();
        metadata.add(entry("Newspaper", lang, newspaper));
        if (date != null) {
            metadata.add(entry("Date", "none", date));
            m.put("navDate", date + "T00:00:00Z");
        }
        metadata.add(entry("Pages", "none", String.valueOf(doc.pages().size())));
        m.put("metadata", metadata);
        m.put("rendering", List.of(obj("id", publish.exports(name) + "/" + Publication.segment(name) + ".pdf",
                "type", "Text", "label", Map.of("en", List.of("Searchable PDF")), "format", "application/pdf")));
        m.put("seeAlso", List.of(obj("id", publish.exports(name) + "/" + MetsWriter.FILE_NAME, "type", "Dataset",
                "label", Map.of("en", List.of("METS")), "format", "text/xml", "profile", MetsWriter.NS)));
        m.put("service", List.of(
                obj("id", publish.search(name), "type", "SearchService2"),
                obj("@id", publish.search1(name), "@type", "SearchService1",
                        "profile", "http://iiif.io/api/search/1/search")));
        List<Object> canvases = new ArrayList<>();
        for (int i = 0; i < doc.pages().size(); i++) {
            PageRecord p = doc.pages().get(i);
            if (!hasImage(p)) {
                continue;
            }
            String canvas = publish.canvas(name, p.pageNo());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", publish.imageUrl(name, p.pageNo()));
            body.put("type", "Image");
            body.put("format", "image/jpeg");
            body.put("width", p.width());
            body.put("height", p.height());
            body.put("service", List.of(obj("id", publish.imageService(name, p.pageNo()), "type", "ImageService3",
                    "profile", "level1")));
            Map<String, Object> paint = new LinkedHashMap<>();
            paint.put("id", canvas + "/image");
            paint.put("type", "Annotation");
            paint.put("motivation", "painting");
            paint.put("body", body);
            paint.put("target", canvas);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", canvas);
            c.put("type", "Canvas");
            c.put("label", Map.of(lang, List.of(Publication.pageLabel(doc, i))));
            c.put("width", p.width());
            c.put("height", p.height());
            c.put("items", List.of(obj("id", canvas + "/page", "type", "AnnotationPage", "items", List.of(paint))));
            c.put("seeAlso", List.of(obj("id", publish.exports(name) + "/" + LibraryExports.ALTO_DIR + "/"
                    + AltoWriter.fileName(p.pageNo()), "type", "Dataset", "label", Map.of("en", List.of("ALTO")),
                    "format", "text/xml", "profile", "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd")));
            canvases.add(c);
        }
        m.put("items", canvases);
        List<Object> ranges = new ArrayList<>();
        for (Article a : doc.articles()) {
            List<Object> parts = new ArrayList<>();
            for (Article.Fragment f : a.fragments()) {
                if (doc.pages().stream().noneMatch(p -> p.pageNo() == f.page() && hasImage(p))) {
                    continue;
                }
                Bbox b = f.bbox();
                parts.add(obj("type", "SpecificResource", "source", publish.canvas(name, f.page()),
                        "selector", obj("type", "FragmentSelector", "conformsTo", "http://www.w3.org/TR/media-frags/",
                                "value", String.format(Locale.ROOT, "xywh=%d,%d,%d,%d", b.x0(), b.y0(), b.width(), b.height()))));
            }
            if (parts.isEmpty()) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", publish.iiif(name) + "/range/" + Publication.segment(DocumentExport.localId(a)));
            r.put("type", "Range");
            r.put("label", Map.of(lang, List.of(label(a))));
            r.put("items", parts);
            ranges.add(r);
        }
        if (!ranges.isEmpty()) {
            m.put("structures", ranges);
        }
        return m;
    }

    /** An item's title, or for one without a title the opening of its text. */
    static String label(Article a) {
        if (!a.title().isEmpty()) {
            return a.title();
        }
        String t = a.text().strip().replaceAll("\\s+", " ");
        int end = t.offsetByCodePoints(0, Math.min(t.codePointCount(0, t.length()), 16));
        return end < t.length() ? t.substring(0, end) + "…" : t.isEmpty() ? DocumentExport.localId(a) : t;
    }

    private static boolean hasImage(PageRecord p) {
        return DocumentStore.DONE.equals(p.status()) && p.width() > 0 && p.height() > 0;
    }

    /**
     * A JSON object with its keys in the order given ({@code Map.of} iterates in an order that
     * changes from one run of the JVM to the next, and the file must not).
     *
     * @param keysAndValues key, value, key, value, …
     */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }

    private static Map<String, Object> entry(String label, String lang, String value) {
        return obj("label", Map.of("en", List.of(label)), "value", Map.of(lang, List.of(value)));
    }
}
