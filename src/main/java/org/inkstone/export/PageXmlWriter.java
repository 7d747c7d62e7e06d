package org.inkstone.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.inkstone.layout.LineRole;
import org.inkstone.layout.PageLayout;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrWord;
import org.inkstone.model.PageGraphic;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageRecord;

/**
 * Writes one PAGE XML file per page, format version 2019-07-15 (namespace {@value #NS}; schema
 * {@code pagecontent.xsd} of the PRImA Research Lab, https://github.com/PRImA-Research-Lab/PAGE-XML),
 * into {@code OUTPUT/NAME/page/NNNN.xml}: the interchange format of correction and training tools
 * (Transkribus reads and writes it natively, eScriptorium imports it, and OCR-D's processors
 * exchange it), chosen over hOCR because it has a schema to validate against and keeps regions,
 * lines, words and reading order in one document those tools load as it is.
 *
 * <p>Each page has {@code Metadata} (creator Inkstone), {@code Page} with the page image's size in
 * px and as {@code imageFilename} the URL of the page image through the reading room's IIIF image
 * service ({@link Publication#imageUrl}); a {@code ReadingOrder} over the text regions in stored
 * order; one {@code TextRegion} per stored block (typed {@code heading}, {@code caption},
 * {@code header} or {@code paragraph} from its lines' layout roles), one {@code TextLine} per
 * stored line and one {@code Word} per stored word, each with its box as {@code Coords} (four
 * corners, px of the page image at scan resolution, as in ALTO) and its text and confidence as
 * {@code TextEquiv}; vertical lines read {@code top-to-bottom}; photos as {@code ImageRegion}s and
 * rules as {@code SeparatorRegion}s. Line IDs are those of ALTO ({@code P1_TL12}), so the two
 * formats name the same lines. A page that could not be read has an empty {@code Page}.
 */
public final class PageXmlWriter {

    /** PAGE 2019 namespace. */
    public static final String NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15";
    /** The folder of the PAGE files in a document's export folder. */
    public static final String DIR = "page";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final String configuredLanguage;

    /** @param configuredLanguage the collection's Tesseract language, for pages whose model was not recorded; null when not known */
    public PageXmlWriter(String configuredLanguage) {
        this.configuredLanguage = configuredLanguage;
    }

    /**
     * Writes {@code dir/NNNN.xml} for every page of the document.
     *
     * @param doc     the document's pages and layouts
     * @param dir     the folder to write into (created if missing)
     * @param publish where the reading room is published, for the page images' URLs
     * @throws IOException if a file cannot be written
     */
    public void write(DocumentExport doc, Path dir, Publication publish) throws IOException {
        Files.createDirectories(dir);
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < doc.pages().size(); i++) {
            Path file = dir.resolve(AltoWriter.fileName(doc.pages().get(i).pageNo()));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
                new Xml(w, doc, i, publish, created).write();
                w.close();
            } catch (XMLStreamException e) {
                throw new IOException("PAGE XML of page " + doc.pages().get(i).pageNo() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The PAGE region type of a block: from the roles of its lines. */
    static String regionType(List<LineRole> roles) {
        if (!roles.isEmpty() && roles.stream().allMatch(r -> r == LineRole.HEADLINE || r == LineRole.MASTHEAD
                || r == LineRole.SECTION_LABEL)) {
            return "heading";
        }
        if (!roles.isEmpty() && roles.stream().allMatch(r -> r == LineRole.CAPTION)) {
            return "caption";
        }
        if (!roles.isEmpty() && roles.stream().allMatch(r -> r == LineRole.RUNNING_HEAD)) {
            return "header";
        }
        return "paragraph";
    }

    /** The four corners of a box as PAGE {@code points}, clockwise from the top left. */
    static String points(Bbox b) {
        int x0 = Math.max(0, b.x0()), y0 = Math.max(0, b.y0());
        int x1 = Math.max(x0 + 1, b.x1()), y1 = Math.max(y0 + 1, b.y1());
        return String.format(Locale.ROOT, "%d,%d %d,%d %d,%d %d,%d", x0, y0, x1, y0, x1, y1, x0, y1);
    }

    private final class Xml {
        private final XMLStreamWriter w;
        private final DocumentExport doc;
        private final PageRecord page;
        private final PageLayout layout;
        private final Publication publish;
        private final String created;
        private final IndentedXml x;

        Xml(XMLStreamWriter w, DocumentExport doc, int index, Publication publish, String created) {
            this.w = w;
            this.doc = doc;
            this.page = doc.pages().get(index);
            this.layout = index < doc.layouts().size() ? doc.layouts().get(index) : null;
            this.publish = publish;
            this.created = created;
            this.x = new IndentedXml(w, "", NS);
        }

        void write() throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            newline();
            w.writeStartElement("", "PcGts", NS);
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", NS + " " + NS + "/pagecontent.xsd");
            w.writeAttribute("pcGtsId", "pc_" + doc.document().exportName().replaceAll("[^A-Za-z0-9._-]", "_") + "_" + page.pageNo());
            x.indent();
            start("Metadata");
            text("Creator", "Inkstone");
            text("Created", created);
            text("LastChange", created);
            end();
            boolean done = DocumentStore.DONE.equals(page.status());
            start("Page");
            w.writeAttribute("imageFilename", publish.imageUrl(doc.document().exportName(), page.pageNo()));
            w.writeAttribute("imageWidth", String.valueOf(Math.max(1, page.width())));
            w.writeAttribute("imageHeight", String.valueOf(Math.max(1, page.height())));
            if (done && !page.blocks().isEmpty()) {
                content();
            }
            end();
            x.outdent();
            newline();
            w.writeEndElement();
            newline();
            w.writeEndDocument();
        }

        private void content() throws XMLStreamException {
            String prefix = "P" + page.pageNo() + "_";
            start("ReadingOrder");
            start("OrderedGroup");
            w.writeAttribute("id", prefix + "RO");
            for (int b = 0; b < page.blocks().size(); b++) {
                empty("RegionRefIndexed");
                w.writeAttribute("index", String.valueOf(b));
                w.writeAttribute("regionRef", prefix + "TB" + (b + 1));
            }
            end();
            end();
            String script = AltoWriter.pageLanguage(page, configuredLanguage).equals("zh-Hant")
                    ? "Hant - Han (Traditional variant)" : "Hans - Han (Simplified variant)";
            int lineIndex = 0, wordNo = 0;
            for (int b = 0; b < page.blocks().size(); b++) {
                OcrBlock block = page.blocks().get(b);
                List<LineRole> roles = new ArrayList<>();
                for (int k = 0; k < block.lines().size(); k++) {
                    int i = lineIndex + k;
                    if (layout != null && i < layout.roles().size()) {
                        roles.add(layout.roles().get(i));
                    }
                }
                start("TextRegion");
                w.writeAttribute("id", prefix + "TB" + (b + 1));
                w.writeAttribute("type", regionType(roles));
                w.writeAttribute("primaryLanguage", "Chinese");
                w.writeAttribute("primaryScript", script);
                coords(block.bbox());
                List<String> texts = new ArrayList<>();
                for (OcrLine line : block.lines()) {
                    start("TextLine");
                    w.writeAttribute("id", prefix + "TL" + (++lineIndex));
                    if (line.vertical()) {
                        w.writeAttribute("readingDirection", "top-to-bottom");
                    }
                    coords(line.bbox());
                    for (OcrWord word : line.words()) {
                        if (word.text().isBlank()) {
                            continue;
                        }
                        start("Word");
                        w.writeAttribute("id", prefix + "W" + (++wordNo));
                        coords(word.bbox());
                        equiv(word.text(), word.confidence());
                        end();
                    }
                    equiv(line.text(), line.confidence());
                    texts.add(line.text());
                    end();
                }
                equiv(String.join("\n", texts), block.confidence());
                end();
            }
            int photos = 0, rules = 0;
            for (PageGraphic g : page.graphics()) {
                boolean photo = g.kind() == PageGraphic.Kind.PHOTO;
                start(photo ? "ImageRegion" : "SeparatorRegion");
                w.writeAttribute("id", prefix + (photo ? "IL" + (++photos) : "GE" + (++rules)));
                coords(g.bbox());
                end();
            }
        }

        private void coords(Bbox b) throws XMLStreamException {
            empty("Coords");
            w.writeAttribute("points", points(b));
        }

        private void equiv(String text, double confidence) throws XMLStreamException {
            start("TextEquiv");
            w.writeAttribute("conf", String.format(Locale.ROOT, "%.3f", Math.max(0, Math.min(1, confidence))));
            text("Unicode", text);
            end();
        }

        private void text(String name, String text) throws XMLStreamException {
            x.start(name);
            w.writeCharacters(AltoWriter.xml(text));
            x.endInline();
        }

        private void start(String name) throws XMLStreamException {
            x.start(name);
        }

        private void empty(String name) throws XMLStreamException {
            x.empty(name);
        }

        private void end() throws XMLStreamException {
            x.end();
        }

        private void newline() throws XMLStreamException {
            x.newline();
        }
    }
}
