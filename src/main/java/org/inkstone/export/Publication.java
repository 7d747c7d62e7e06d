package org.inkstone.export;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the reading room is published, for the absolute URLs the library exports carry (IIIF
 * image services and manifests, the images METS points to), and the labels they share.
 *
 * @param baseUrl the reading room's address as readers reach it, e.g.
 *                {@code https://papers.example.org/inkstone} (http or https, no trailing slash
 *                needed; {@code inkstone.publish.base-url})
 * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http or https URL
 */
public record Publication(String baseUrl) {

    /** The address of {@code ./inkstone serve} on this machine with its default port. */
    public static final Publication LOCAL = new Publication("http://localhost:8080");

    public Publication {
        URI u;
        try {
            u = URI.create(baseUrl == null ? "" : baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the publication base URL is not a URL: " + baseUrl, e);
        }
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
            throw new IllegalArgumentException("the publication base URL must be an absolute http or https URL, not '"
                    + baseUrl + "'");
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    /**
     * @param name a document's export name
     * @return the name as one URL path segment, percent-encoded (UTF-8)
     */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * @param document the document's export name
     * @param page     page number counted from 1
     * @return the IIIF Image API 3 service of the page, {@code BASE/iiif/NAME/N}
     */
    public String imageService(String document, int page) {
        return iiif(document) + "/" + page;
    }

    /**
     * @param document the document's export name
     * @param page     page number counted from 1
     * @return the whole page as JPEG through the image service, {@code …/full/max/0/default.jpg}
     */
    public String imageUrl(String document, int page) {
        return imageService(document, page) + "/full/max/0/default.jpg";
    }

    /**
     * @param document the document's export name
     * @return the root of the issue's IIIF resources, {@code BASE/iiif/NAME}
     */
    public String iiif(String document) {
        return baseUrl + "/iiif/" + segment(document);
    }

    /**
     * @param document the document's export name
     * @param page     page number counted from 1
     * @return the page's canvas in the issue's manifest, {@code BASE/iiif/NAME/canvas/N}
     */
    public String canvas(String document, int page) {
        return iiif(document) + "/canvas/" + page;
    }

    /**
     * @param document the document's export name
     * @return the IIIF Presentation 3 manifest of the issue, {@code BASE/iiif/NAME/manifest}
     */
    public String manifest(String document) {
        return iiif(document) + "/manifest";
    }

    /**
     * @param document the document's export name
     * @return the issue's IIIF Content Search 2.0 service, {@code BASE/iiif/NAME/search}
     */
    public String search(String document) {
        return iiif(document) + "/search";
    }

    /**
     * @param document the document's export name
     * @return the issue's IIIF Content Search 1.0 service, {@code BASE/iiif/NAME/search1}
     */
    public String search1(String document) {
        return iiif(document) + "/search1";
    }

    /**
     * @param document the document's export name
     * @return the issue's export folder as served, {@code BASE/exports/NAME}
     */
    public String exports(String document) {
        return baseUrl + "/exports/" + segment(document);
    }

    /**
     * The newspaper's title for the exports, never empty: as read from the masthead or the
     * collection's settings ({@link org.inkstone.layout.IssueMetadata}), else the document's export name.
     *
     * @param doc the issue
     * @return its newspaper's title
     */
    public static String newspaper(DocumentExport doc) {
        String n = doc.issue().newspaper();
        return n == null || n.isBlank() ? doc.document().exportName() : n.strip();
    }

    /**
     * @param doc the issue
     * @return the issue as its exports label it: the newspaper's title ({@link #newspaper}) and the
     *         date where it is known
     */
    public static String issueLabel(DocumentExport doc) {
        String date = doc.issue().date();
        return date == null ? newspaper(doc) : newspaper(doc) + " " + date;
    }

    /**
     * @param doc       the issue
     * @param pageIndex index into {@link DocumentExport#pages()}
     * @return the page's label as a reader names it, 第N版 with the printed page label, or the page
     *         number where none was read
     */
    public static String pageLabel(DocumentExport doc, int pageIndex) {
        String label = doc.pageLabel(pageIndex);
        return "第" + (label != null ? label : String.valueOf(doc.pages().get(pageIndex).pageNo())) + "版";
    }
}
