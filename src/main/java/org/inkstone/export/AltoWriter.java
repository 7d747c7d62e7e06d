package org.inkstone.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.inkstone.article.Article;
import org.inkstone.layout.LineRole;
import org.inkstone.layout.PageLayout;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrWord;
import org.inkstone.model.PageGraphic;
import org.inkstone.model.Provenance;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageRecord;
import org.inkstone.text.ScriptLanguage;

/**
 * Writes one ALTO XML file per page, version 4.4 (namespace {@value #NS}; schema
 * {@code alto-4-4.xsd} of the Library of Congress ALTO standard,
 * https://www.loc.gov/standards/alto/), with the JDK's streaming {@link XMLStreamWriter}.
 *
 * <p>Each file has {@code Description} ({@code MeasurementUnit} {@code pixel}: every
 * coordinate is in px of the page image at its scan resolution, origin top-left, as in the
 * database; {@code sourceImageInformation} naming the scanned PDF and its SHA-256; one
 * {@code Processing} step for the recognition, one for layout analysis and article
 * segmentation), {@code Tags}, and {@code Layout/Page/PrintSpace} with the stored
 * {@code TextBlock}s, {@code TextLine}s and one {@code String} per stored word (box and
 * {@code WC} word confidence in [0, 1]), all in the stored reading order; an {@code SP}
 * stands where the line text has a space between two words. Every line stays, page furniture
 * (masthead, running heads, jump lines, captions) included.
 *
 * <p>Articles are marked the ALTO way, with tags (ALTO 2.1 and later): the file declares one
 * {@code <StructureTag ID="ART_aNNN" TYPE="article" LABEL="title" DESCRIPTION="NAME/aNNN"/>}
 * per article with a fragment on the page, and each {@code TextLine} of an article's headline
 * or body carries its tag in {@code TAGREFS}; a {@code TextBlock} carries the tags of the
 * articles its lines belong to. A continued article has the same tag ID on each of its pages.
 * Each line also refers to a {@code RoleTag} ({@code ROLE_headline}, {@code ROLE_body},
 * {@code ROLE_running_head}, …) giving its layout role. A page that could not be read is
 * written without {@code PrintSpace}, its error in {@code QUALITY_DETAIL}.
 *
 * <p>{@code Page}'s {@code LANG} is the BCP 47 tag of the model the page was read with, as
 * recorded in its {@link Provenance} ({@code chi_sim} → {@code zh-Hans}, {@code chi_tra} →
 * {@code zh-Hant}, see {@link ScriptLanguage}); for a page stored before the model was recorded,
 * that of the collection's configured model.
 */
public final class AltoWriter {

    /** ALTO v4 namespace. */
    public static final String NS = "http://www.loc.gov/standards/alto/ns-v4#";
    /** Where the ALTO 4.4 schema is published. */
    public static final String SCHEMA_URL = "http://www.loc.gov/alto/v4/alto-4-4.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String OCR = "OCR", LAYOUT = "LAYOUT";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final String configuredLanguage;

    /**
     * A writer without a configured language: a page whose model was not recorded gets
     * {@code LANG="und"}.
     */
    public AltoWriter() {
        this(null);
    }

    /**
     * A writer; the processing steps and language of each page come from the page's own
     * {@link Provenance}.
     *
     * @param configuredLanguage the collection's Tesseract language ({@code inkstone.ocr.language},
     *                           e.g. {@code chi_tra}), for the {@code LANG} of pages stored before
     *                           their model was recorded; null when not known
     */
    public AltoWriter(String configuredLanguage) {
        this.configuredLanguage = configuredLanguage;
    }

    /**
     * @param page               a stored page
     * @param configuredLanguage the collection's Tesseract language, or null
     * @return the BCP 47 tag of the page's text: from the model recorded with the page, else from
     *         the configured one ({@link ScriptLanguage})
     */
    static String pageLanguage(PageRecord page, String configuredLanguage) {
        Provenance how = page.provenance();
        return ScriptLanguage.of(how == null ? null : how.model(), configuredLanguage);
    }

    /**
     * @param pageNo page number counted from 1
     * @return the name of the page's ALTO file, {@code NNNN.xml} (page number with four digits)
     */
    public static String fileName(int pageNo) {
        return String.format(Locale.ROOT, "%04d.xml", pageNo);
    }

    /**
     * Writes {@code dir/NNNN.xml} for every page of the document.
     *
     * @param doc the document's pages, layouts and articles
     * @param dir the folder to write into (created if missing)
     * @throws IOException if a file cannot be written
     */
    public void write(DocumentExport doc, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < doc.pages().size(); i++) {
            Path file = dir.resolve(fileName(doc.pages().get(i).pageNo()));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                writePage(doc, i, out);
            }
        }
    }

    /**
     * Writes one page's ALTO document.
     *
     * @param doc       the document
     * @param pageIndex index of the page in {@link DocumentExport#pages()}
     * @param out       where the UTF-8 XML goes; not closed
     * @throws IOException if writing fails
     */
    public void writePage(DocumentExport doc, int pageIndex, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
            new PageXml(w, doc, pageIndex).write();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("ALTO of page " + doc.pages().get(pageIndex).pageNo() + ": " + e.getMessage(), e);
        }
    }

    /** The ALTO ID of an article's structure tag: {@code ART_} and its short id. */
    static String articleTagId(Article a) {
        return "ART_" + DocumentExport.localId(a).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The ALTO ID of a layout role's tag, e.g. {@code ROLE_running_head}. */
    static String roleTagId(LineRole role) {
        return "ROLE_" + role.name().toLowerCase(Locale.ROOT);
    }

    /** One page's document, written element by element with two-space indentation. */
    private final class PageXml {
        private final XMLStreamWriter w;
        private final DocumentExport doc;
        private final PageRecord page;
        private final PageLayout layout;
        private final String prefix;
        private final int labelIndex;
        private int depth;
        private int lineNo, stringNo;

        PageXml(XMLStreamWriter w, DocumentExport doc, int pageIndex) {
            this.w = w;
            this.doc = doc;
            this.page = doc.pages().get(pageIndex);
            this.layout = doc.layouts().get(pageIndex);
            this.prefix = "P" + page.pageNo() + "_";
            this.labelIndex = pageIndex;
        }

        void write() throws XMLStreamException {
            Map<Integer, Set<String>> lineTags = new LinkedHashMap<>();
            List<Article> onPage = new ArrayList<>();
            for (Article a : doc.articles()) {
                boolean here = false;
                for (Article.Fragment f : a.fragments()) {
                    if (f.page() != page.pageNo()) {
                        continue;
                    }
                    here = true;
                    for (List<Integer> part : List.of(f.headline(), f.body())) {
                        for (int line : part) {
                            lineTags.computeIfAbsent(line, k -> new LinkedHashSet<>()).add(articleTagId(a));
                        }
                    }
                }
                if (here) {
                    onPage.add(a);
                }
            }
            w.writeStartDocument("UTF-8", "1.0");
            newline();
            w.writeStartElement("alto");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "schemaLocation", NS + " " + SCHEMA_URL);
            w.writeAttribute("SCHEMAVERSION", "4.4");
            depth++;
            description();
            tags(onPage);
            start("Layout");
            pageElement(lineTags);
            end();
            end();
            newline();
            w.writeEndDocument();
        }

        private void description() throws XMLStreamException {
            start("Description");
            leaf("MeasurementUnit", "pixel");
            start("sourceImageInformation");
            leaf("fileName", doc.document().sourceName());
            leaf("fileIdentifier", "fileIdentifierLocation", "SHA-256", doc.document().sha256());
            leaf("documentIdentifier", "documentIdentifierLocation", "Inkstone", doc.document().exportName());
            end();
            start("Processing");
            w.writeAttribute("ID", OCR);
            leaf("processingCategory", "contentGeneration");
            leaf("processingStepDescription", "text recognition of page " + page.pageNo() + " of "
                    + doc.document().sourceName() + ", its image taken at scan resolution ("
                    + page.dpi() + " dpi), converted to 8-bit gray"
                    + (page.rotationDeg() == 0 ? "" : " and turned " + page.rotationDeg()
                    + "° clockwise from the stored image, as the page is read (every coordinate is on the turned image)"));
            Provenance how = page.provenance();
            if (how == null) {
                leaf("processingStepSettings", "not recorded (read by an earlier version)");
            } else {
                leaf("processingStepSettings", (how.detector() == null ? "" : "detector=" + how.detector() + "; ")
                        + "model=" + how.model()
                        + (how.modelSha256() == null ? "" : " (" + how.modelFile() + ", SHA-256 " + how.modelSha256() + ")")
                        + "; " + how.settingsText());
                start("processingSoftware");
                leaf("softwareName", how.recognizer());
                if (how.recognizerVersion() != null && !how.recognizerVersion().isBlank()) {
                    leaf("softwareVersion", how.recognizerVersion());
                }
                end();
            }
            end();
            start("Processing");
            w.writeAttribute("ID", LAYOUT);
            leaf("processingCategory", "postOperation");
            leaf("processingStepDescription", "layout analysis (line roles, columns, headlines, jump lines) "
                    + "and article segmentation across pages");
            start("processingSoftware");
            leaf("softwareName", "Inkstone");
            end();
            end();
            end();
        }

        private void tags(List<Article> onPage) throws XMLStreamException {
            Set<LineRole> roles = new java.util.TreeSet<>(layout.roles());
            if (onPage.isEmpty() && roles.isEmpty()) {
                return;
            }
            start("Tags");
            for (Article a : onPage) {
                empty("StructureTag");
                w.writeAttribute("ID", articleTagId(a));
                w.writeAttribute("TYPE", a.kind().name().toLowerCase(Locale.ROOT));
                w.writeAttribute("LABEL", xml(a.title()));
                w.writeAttribute("DESCRIPTION", xml(a.id()));
            }
            for (LineRole role : roles) {
                empty("RoleTag");
                w.writeAttribute("ID", roleTagId(role));
                w.writeAttribute("TYPE", "layout role");
                w.writeAttribute("LABEL", role.name().toLowerCase(Locale.ROOT));
            }
            end();
        }

        private void pageElement(Map<Integer, Set<String>> lineTags) throws XMLStreamException {
            boolean done = DocumentStore.DONE.equals(page.status());
            start("Page");
            w.writeAttribute("ID", "P" + page.pageNo());
            w.writeAttribute("PHYSICAL_IMG_NR", String.valueOf(page.pageNo()));
            String label = doc.pageLabel(labelIndex);
            if (label != null) {
                w.writeAttribute("PRINTED_IMG_NR", xml(label));
            }
            if (page.width() > 0 && page.height() > 0) {
                w.writeAttribute("WIDTH", String.valueOf(page.width()));
                w.writeAttribute("HEIGHT", String.valueOf(page.height()));
            }
            if (!done) {
                w.writeAttribute("QUALITY_DETAIL", xml("not digitized: " + page.error()));
                end();
                return;
            }
            w.writeAttribute("PC", confidence(page.confidence()));
            w.writeAttribute("PROCESSINGREFS", OCR + " " + LAYOUT);
            w.writeAttribute("LANG", pageLanguage(page, configuredLanguage));
            start("PrintSpace");
            w.writeAttribute("ID", prefix + "PS");
            List<Bbox> boxes = page.blocks().stream().map(OcrBlock::bbox).toList();
            box(boxes.isEmpty() ? new Bbox(0, 0, page.width(), page.height()) : Bbox.union(boxes));
            int lineIndex = 0, blockNo = 0;
            for (OcrBlock block : page.blocks()) {
                start("TextBlock");
                w.writeAttribute("ID", prefix + "TB" + (++blockNo));
                box(block.bbox());
                Set<String> blockTags = new LinkedHashSet<>();
                for (int i = lineIndex; i < lineIndex + block.lines().size(); i++) {
                    blockTags.addAll(lineTags.getOrDefault(i, Set.of()));
                }
                if (!blockTags.isEmpty()) {
                    w.writeAttribute("TAGREFS", String.join(" ", blockTags));
                }
                for (OcrLine line : block.lines()) {
                    textLine(line, lineIndex, lineTags.getOrDefault(lineIndex, Set.of()));
                    lineIndex++;
                }
                end();
            }
            int photoNo = 0, ruleNo = 0;
            for (PageGraphic g : page.graphics()) {
                boolean photo = g.kind() == PageGraphic.Kind.PHOTO;
                start(photo ? "Illustration" : "GraphicalElement");
                w.writeAttribute("ID", prefix + (photo ? "IL" + (++photoNo) : "GE" + (++ruleNo)));
                box(g.bbox());
                end();
            }
            end();
            end();
        }

        private void textLine(OcrLine line, int index, Set<String> articleTags) throws XMLStreamException {
            start("TextLine");
            w.writeAttribute("ID", prefix + "TL" + (++lineNo));
            box(line.bbox());
            List<String> tags = new ArrayList<>(articleTags);
            if (index < layout.roles().size()) {
                tags.add(roleTagId(layout.roles().get(index)));
            }
            if (!tags.isEmpty()) {
                w.writeAttribute("TAGREFS", String.join(" ", tags));
            }
            List<OcrWord> words = line.words().isEmpty()
                    ? List.of(new OcrWord(line.text(), line.bbox(), line.confidence())) : line.words();
            String text = line.text();
            int at = 0;
            for (int k = 0; k < words.size(); k++) {
                OcrWord word = words.get(k);
                empty("String");
                w.writeAttribute("ID", prefix + "ST" + (++stringNo));
                box(word.bbox());
                w.writeAttribute("CONTENT", xml(word.text()));
                w.writeAttribute("WC", confidence(word.confidence()));
                int found = text.indexOf(word.text(), at);
                if (found >= 0) {
                    at = found + word.text().length();
                }
                if (k + 1 < words.size() && found >= 0 && at < text.length() && text.charAt(at) == ' ') {
                    Bbox a = clamp(word.bbox()), b = clamp(words.get(k + 1).bbox());
                    empty("SP");
                    w.writeAttribute("HPOS", String.valueOf(a.x1()));
                    w.writeAttribute("VPOS", String.valueOf(Math.min(a.y0(), b.y0())));
                    w.writeAttribute("WIDTH", String.valueOf(Math.max(0, b.x0() - a.x1())));
                    w.writeAttribute("HEIGHT", String.valueOf(Math.max(a.y1(), b.y1()) - Math.min(a.y0(), b.y0())));
                }
            }
            end();
        }

        /** HPOS, VPOS, WIDTH, HEIGHT of a box, clipped to the page. */
        private void box(Bbox b) throws XMLStreamException {
            Bbox c = clamp(b);
            w.writeAttribute("HPOS", String.valueOf(c.x0()));
            w.writeAttribute("VPOS", String.valueOf(c.y0()));
            w.writeAttribute("WIDTH", String.valueOf(c.width()));
            w.writeAttribute("HEIGHT", String.valueOf(c.height()));
        }

        private Bbox clamp(Bbox b) {
            int x0 = Math.max(0, Math.min(b.x0(), page.width())), x1 = Math.max(x0, Math.min(b.x1(), page.width()));
            int y0 = Math.max(0, Math.min(b.y0(), page.height())), y1 = Math.max(y0, Math.min(b.y1(), page.height()));
            return new Bbox(x0, y0, x1, y1);
        }

        private void start(String name) throws XMLStreamException {
            newline();
            w.writeStartElement(name);
            depth++;
        }

        private void end() throws XMLStreamException {
            depth--;
            newline();
            w.writeEndElement();
        }

        private void empty(String name) throws XMLStreamException {
            newline();
            w.writeEmptyElement(name);
        }

        private void leaf(String name, String text) throws XMLStreamException {
            leaf(name, null, null, text);
        }

        private void leaf(String name, String attribute, String value, String text) throws XMLStreamException {
            newline();
            w.writeStartElement(name);
            if (attribute != null) {
                w.writeAttribute(attribute, xml(value));
            }
            w.writeCharacters(xml(text));
            w.writeEndElement();
        }

        private void newline() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private static String confidence(double c) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, Math.min(1, c)));
    }

    /** @return {@code s} without the characters XML 1.0 does not allow (control characters, lone surrogates) */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            } else if (ok && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
