package org.inkstone.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.inkstone.article.Article;
import org.inkstone.store.PageRecord;
import org.inkstone.text.ScriptLanguage;

/**
 * Writes an issue's METS document, version 1.12.1 (namespace {@value #NS}; schema
 * {@code mets.xsd} of the Library of Congress METS standard, https://www.loc.gov/standards/mets/),
 * laid out as newspaper digitization programmes lay out an issue (the Europeana Newspapers METS
 * ALTO profile, ENMAP, as the BnL and Kitodo use it): the issue and its articles described in
 * MODS, the files, a physical map of pages and a logical map ISSUE → CONTENT → ARTICLE whose
 * parts point into the ALTO lines.
 *
 * <ul>
 * <li>{@code dmdSec DMD_ISSUE}: MODS of the issue: title (the newspaper), date issued, language
 *     (BCP 47), extent in pages, the export name as local identifier; {@code DMD_aNNN}: MODS of
 *     each item: title (main headline) with its subtitle, the kicker as an alternative title,
 *     genre ({@code article}, {@code notice}, {@code advertisement}), the byline as statement of
 *     responsibility, language.</li>
 * <li>{@code fileSec}: {@code IMAGE} the page images as IIIF Image API URLs
 *     ({@code BASE/iiif/NAME/N/full/max/0/default.jpg}), {@code FULLTEXT} the ALTO files
 *     ({@code alto/NNNN.xml}), {@code PAGE} the PAGE XML files ({@code page/NNNN.xml}),
 *     {@code DOWNLOAD} the searchable PDF ({@code NAME.pdf}); paths are
 *     relative to the folder of {@code mets.xml}.</li>
 * <li>{@code structMap TYPE="PHYSICAL"}: one {@code page} division per page ({@code ORDER}, the
 *     printed page label as {@code ORDERLABEL}, {@code LABEL} 第N版) with its image, ALTO and PAGE.</li>
 * <li>{@code structMap TYPE="LOGICAL"}: {@code ISSUE} (labelled newspaper and date) → {@code CONTENT}
 *     → one division per item in reading order, {@code ARTICLE}, {@code NOTICE} or
 *     {@code ADVERTISEMENT}, each with a {@code HEADING} (its title lines) and a {@code BODY}
 *     division (its text lines, page after page: a jumped article is one division over all its
 *     pages). Each points into the ALTO files with {@code mets:area BETYPE="IDREF"}: one area per
 *     run of consecutive lines, {@code BEGIN} and {@code END} the ALTO {@code TextLine} IDs
 *     ({@code P1_TL12}), which depend only on the stored lines and so stay the same when the
 *     document is exported again.</li>
 * <li>{@code structLink}: each item linked to the pages it occupies.</li>
 * </ul>
 * The document has no creation date, so the same stored issue always gives the same file.
 */
public final class MetsWriter {

    /** METS namespace. */
    public static final String NS = "http://www.loc.gov/METS/";
    /** MODS namespace. */
    public static final String MODS = "http://www.loc.gov/mods/v3";
    /** Where the METS 1.12.1 schema is published. */
    public static final String SCHEMA_URL = "http://www.loc.gov/standards/mets/version1121/mets.xsd";
    /** The file name of an issue's METS document in its export folder. */
    public static final String FILE_NAME = "mets.xml";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final String configuredLanguage;

    /**
     * @param configuredLanguage the collection's Tesseract language, for the language the MODS
     *                           records declare; null when not known
     */
    public MetsWriter(String configuredLanguage) {
        this.configuredLanguage = configuredLanguage;
    }

    /**
     * Writes the issue's METS document.
     *
     * @param doc     the issue's pages, layouts and articles
     * @param file    where to write it (its folder is created if missing)
     * @param publish where the reading room is served, for the image URLs
     * @throws IOException if the file cannot be written
     */
    public void write(DocumentExport doc, Path file, Publication publish) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(doc, out, publish);
        }
    }

    /**
     * Writes the issue's METS document to a stream.
     *
     * @param doc     the issue's pages, layouts and articles
     * @param out     where the UTF-8 XML goes; not closed
     * @param publish where the reading room is served, for the image URLs
     * @throws IOException if writing fails
     */
    public void write(DocumentExport doc, OutputStream out, Publication publish) throws IOException {
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            new Xml(w, doc, publish).write();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("METS of " + doc.document().sourceName() + ": " + e.getMessage(), e);
        }
    }

    /** The METS ID of a page's ALTO file, {@code ALTO_NNNN}. */
    static String altoFileId(int pageNo) {
        return String.format(Locale.ROOT, "ALTO_%04d", pageNo);
    }

    /** The METS ID of an item's logical division, {@code LOG_aNNN}. */
    static String logicalId(Article a) {
        return "LOG_" + ncName(DocumentExport.localId(a));
    }

    private static String ncName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The logical division type of an item (ENMAP's names). */
    static String divType(Article.Kind kind) {
        return switch (kind) {
            case ARTICLE -> "ARTICLE";
            case NOTICE -> "NOTICE";
            case ADVERT -> "ADVERTISEMENT";
        };
    }

    private static String genre(Article.Kind kind) {
        return switch (kind) {
            case ARTICLE -> "article";
            case NOTICE -> "notice";
            case ADVERT -> "advertisement";
        };
    }

    /**
     * Runs of consecutive line indices in reading order: {@code [5, 6, 7, 12, 13]} gives
     * {@code [[5, 7], [12, 13]]}.
     */
    static List<int[]> runs(List<Integer> lines) {
        List<int[]> out = new ArrayList<>();
        for (int i : lines) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i == last[1] + 1) {
                last[1] = i;
            } else {
                out.add(new int[] {i, i});
            }
        }
        return out;
    }

    /** The document, element by element with two-space indentation. */
    private final class Xml {
        private final XMLStreamWriter w;
        private final DocumentExport doc;
        private final Publication publish;
        private final String language;
        private final IndentedXml x;

        Xml(XMLStreamWriter w, DocumentExport doc, Publication publish) {
            this.w = w;
            this.doc = doc;
            this.publish = publish;
            this.language = ScriptLanguage.of(configuredLanguage);
            this.x = new IndentedXml(w, "mets", NS);
        }

        void write() throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            newline();
            w.writeStartElement("mets", "mets", NS);
            w.writeNamespace("mets", NS);
            w.writeNamespace("mods", MODS);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", NS + " " + SCHEMA_URL + " " + MODS
                    + " http://www.loc.gov/standards/mods/v3/mods-3-8.xsd");
            w.writeAttribute("OBJID", doc.document().exportName());
            w.writeAttribute("TYPE", "Newspaper");
            w.writeAttribute("LABEL", AltoWriter.xml(Publication.issueLabel(doc)));
            x.indent();
            header();
            issueMods();
            for (Article a : doc.articles()) {
                articleMods(a);
            }
            files();
            physical();
            logical();
            links();
            x.outdent();
            newline();
            w.writeEndElement();
            newline();
            w.writeEndDocument();
        }

        private void header() throws XMLStreamException {
            start("metsHdr");
            start("agent");
            w.writeAttribute("ROLE", "CREATOR");
            w.writeAttribute("TYPE", "OTHER");
            w.writeAttribute("OTHERTYPE", "SOFTWARE");
            start("name");
            w.writeCharacters("Inkstone");
            endInline();
            end();
            end();
        }

        private void issueMods() throws XMLStreamException {
            startMods("DMD_ISSUE");
            modsText("titleInfo", "title", Publication.newspaper(doc));
            mods("typeOfResource", "text");
            start(MODS, "genre");
            w.writeAttribute("authority", "marcgt");
            w.writeCharacters("newspaper");
            endInline();
            start(MODS, "originInfo");
            if (doc.issue().date() != null) {
                start(MODS, "dateIssued");
                w.writeAttribute("encoding", "iso8601");
                w.writeAttribute("keyDate", "yes");
                w.writeCharacters(doc.issue().date());
                endInline();
            }
            mods("issuance", "serial");
            end();
            language();
            start(MODS, "physicalDescription");
            start(MODS, "extent");
            w.writeAttribute("unit", "pages");
            w.writeCharacters(String.valueOf(doc.pages().size()));
            endInline();
            mods("digitalOrigin", "reformatted digital");
            end();
            start(MODS, "identifier");
            w.writeAttribute("type", "local");
            w.writeCharacters(doc.document().exportName());
            endInline();
            endMods();
        }

        private void articleMods(Article a) throws XMLStreamException {
            startMods("DMD_" + ncName(DocumentExport.localId(a)));
            String headline = a.heading().headline().isEmpty() ? a.title() : a.heading().headline();
            start(MODS, "titleInfo");
            mods("title", headline);
            if (!a.heading().subtitle().isEmpty()) {
                mods("subTitle", a.heading().subtitle());
            }
            end();
            if (!a.heading().kicker().isEmpty()) {
                start(MODS, "titleInfo");
                w.writeAttribute("type", "alternative");
                w.writeAttribute("displayLabel", "kicker");
                mods("title", a.heading().kicker());
                end();
            }
            mods("typeOfResource", "text");
            mods("genre", genre(a.kind()));
            language();
            if (!a.byline().isEmpty()) {
                start(MODS, "note");
                w.writeAttribute("type", "statement of responsibility");
                w.writeCharacters(AltoWriter.xml(a.byline()));
                endInline();
            }
            start(MODS, "identifier");
            w.writeAttribute("type", "local");
            w.writeCharacters(a.id());
            endInline();
            endMods();
        }

        private void language() throws XMLStreamException {
            start(MODS, "language");
            start(MODS, "languageTerm");
            w.writeAttribute("type", "code");
            w.writeAttribute("authority", "rfc5646");
            w.writeCharacters(language);
            endInline();
            end();
        }

        private void startMods(String id) throws XMLStreamException {
            start("dmdSec");
            w.writeAttribute("ID", id);
            start("mdWrap");
            w.writeAttribute("MDTYPE", "MODS");
            start("xmlData");
            start(MODS, "mods");
        }

        private void endMods() throws XMLStreamException {
            end();
            end();
            end();
            end();
        }

        private void files() throws XMLStreamException {
            start("fileSec");
            start("fileGrp");
            w.writeAttribute("USE", "IMAGE");
            for (PageRecord p : doc.pages()) {
                file(String.format(Locale.ROOT, "IMG_%04d", p.pageNo()), "image/jpeg",
                        publish.imageUrl(doc.document().exportName(), p.pageNo()));
            }
            end();
            start("fileGrp");
            w.writeAttribute("USE", "FULLTEXT");
            for (PageRecord p : doc.pages()) {
                file(altoFileId(p.pageNo()), "text/xml", LibraryExports.ALTO_DIR + "/" + AltoWriter.fileName(p.pageNo()));
            }
            end();
            start("fileGrp");
            w.writeAttribute("USE", "PAGE");
            for (PageRecord p : doc.pages()) {
                file(String.format(Locale.ROOT, "PAGE_%04d", p.pageNo()), "application/vnd.prima.page+xml",
                        PageXmlWriter.DIR + "/" + AltoWriter.fileName(p.pageNo()));
            }
            end();
            start("fileGrp");
            w.writeAttribute("USE", "DOWNLOAD");
            file("PDF", "application/pdf", doc.document().exportName() + ".pdf");
            end();
            end();
        }

        private void file(String id, String mime, String href) throws XMLStreamException {
            start("file");
            w.writeAttribute("ID", id);
            w.writeAttribute("MIMETYPE", mime);
            empty("FLocat");
            w.writeAttribute("LOCTYPE", "URL");
            w.writeAttribute(XLINK, "type", "simple");
            w.writeAttribute(XLINK, "href", href);
            end();
        }

        private void physical() throws XMLStreamException {
            start("structMap");
            w.writeAttribute("TYPE", "PHYSICAL");
            start("div");
            w.writeAttribute("ID", "PHYS_0000");
            w.writeAttribute("TYPE", "physSequence");
            w.writeAttribute("LABEL", AltoWriter.xml(Publication.issueLabel(doc)));
            empty("fptr");
            w.writeAttribute("FILEID", "PDF");
            for (int i = 0; i < doc.pages().size(); i++) {
                PageRecord p = doc.pages().get(i);
                start("div");
                w.writeAttribute("ID", physicalId(p.pageNo()));
                w.writeAttribute("TYPE", "page");
                w.writeAttribute("ORDER", String.valueOf(p.pageNo()));
                String label = doc.pageLabel(i);
                w.writeAttribute("ORDERLABEL", label != null ? label : String.valueOf(p.pageNo()));
                w.writeAttribute("LABEL", Publication.pageLabel(doc, i));
                empty("fptr");
                w.writeAttribute("FILEID", String.format(Locale.ROOT, "IMG_%04d", p.pageNo()));
                empty("fptr");
                w.writeAttribute("FILEID", altoFileId(p.pageNo()));
                empty("fptr");
                w.writeAttribute("FILEID", String.format(Locale.ROOT, "PAGE_%04d", p.pageNo()));
                end();
            }
            end();
            end();
        }

        private void logical() throws XMLStreamException {
            start("structMap");
            w.writeAttribute("TYPE", "LOGICAL");
            start("div");
            w.writeAttribute("ID", "LOG_ISSUE");
            w.writeAttribute("TYPE", "ISSUE");
            w.writeAttribute("DMDID", "DMD_ISSUE");
            w.writeAttribute("LABEL", AltoWriter.xml(Publication.issueLabel(doc)));
            start("div");
            w.writeAttribute("ID", "LOG_CONTENT");
            w.writeAttribute("TYPE", "CONTENT");
            int order = 0;
            for (Article a : doc.articles()) {
                start("div");
                w.writeAttribute("ID", logicalId(a));
                w.writeAttribute("TYPE", divType(a.kind()));
                w.writeAttribute("ORDER", String.valueOf(++order));
                w.writeAttribute("DMDID", "DMD_" + ncName(DocumentExport.localId(a)));
                if (!a.title().isEmpty()) {
                    w.writeAttribute("LABEL", AltoWriter.xml(a.title()));
                }
                part(a, "HEADING", true);
                part(a, "BODY", false);
                end();
            }
            end();
            end();
            end();
        }

        /** A division of an item's title or text lines, with one area per run of lines. */
        private void part(Article a, String type, boolean heading) throws XMLStreamException {
            List<String[]> areas = new ArrayList<>();
            for (Article.Fragment f : a.fragments()) {
                for (int[] run : runs(heading ? f.headline() : f.body())) {
                    areas.add(new String[] {altoFileId(f.page()), lineId(f.page(), run[0]), lineId(f.page(), run[1])});
                }
            }
            if (areas.isEmpty()) {
                return;
            }
            start("div");
            w.writeAttribute("ID", logicalId(a) + "_" + type);
            w.writeAttribute("TYPE", type);
            start("fptr");
            start("seq");
            for (String[] area : areas) {
                empty("area");
                w.writeAttribute("FILEID", area[0]);
                w.writeAttribute("BETYPE", "IDREF");
                w.writeAttribute("BEGIN", area[1]);
                w.writeAttribute("END", area[2]);
            }
            end();
            end();
            end();
        }

        private void links() throws XMLStreamException {
            start("structLink");
            for (Article a : doc.articles()) {
                Set<Integer> pages = new LinkedHashSet<>();
                a.fragments().forEach(f -> pages.add(f.page()));
                for (int page : pages) {
                    empty("smLink");
                    w.writeAttribute(XLINK, "from", logicalId(a));
                    w.writeAttribute(XLINK, "to", physicalId(page));
                }
            }
            for (PageRecord p : doc.pages()) {
                empty("smLink");
                w.writeAttribute(XLINK, "from", "LOG_ISSUE");
                w.writeAttribute(XLINK, "to", physicalId(p.pageNo()));
            }
            end();
        }

        private String physicalId(int pageNo) {
            return String.format(Locale.ROOT, "PHYS_%04d", pageNo);
        }

        private String lineId(int pageNo, int lineIndex) {
            return "P" + pageNo + "_TL" + (lineIndex + 1);
        }

        private void modsText(String outer, String inner, String text) throws XMLStreamException {
            start(MODS, outer);
            mods(inner, text);
            end();
        }

        private void mods(String name, String text) throws XMLStreamException {
            start(MODS, name);
            w.writeCharacters(AltoWriter.xml(text));
            endInline();
        }

        private void start(String name) throws XMLStreamException {
            x.start(name);
        }

        private void start(String ns, String name) throws XMLStreamException {
            x.start(ns.equals(NS) ? "mets" : "mods", ns, name);
        }

        private void empty(String name) throws XMLStreamException {
            x.empty(name);
        }

        private void end() throws XMLStreamException {
            x.end();
        }

        /** Ends an element holding only text, on its line. */
        private void endInline() throws XMLStreamException {
            x.endInline();
        }

        private void newline() throws XMLStreamException {
            x.newline();
        }
    }
}
