package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.inkstone.TextMetrics;
import org.inkstone.ingest.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The library exports written by one real run of the job on the sample issue (and on a blank
 * one-page scan whose PDF cannot be written): ALTO validated against the ALTO 4.4 schema and
 * checked against the database and the sample's truth, the searchable PDF read back with
 * poppler's {@code pdftotext} and PDFBox, and the article text files compared with the stored
 * articles.
 */
@RequiresTesseract
class LibraryExportsTest {

    static final String ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#";
    static final String SAMPLE = "sample-issue-2025-06-03";

    @TempDir
    static Path work;
    static Path scans, output, sampleDir, blankDir;
    static JobTestSupport.Run run;

    @BeforeAll
    static void runOnce() throws Exception {
        scans = Files.createDirectories(work.resolve("scans"));
        output = work.resolve("output");
        Files.copy(JobTestSupport.SAMPLE, scans.resolve(JobTestSupport.SAMPLE.getFileName()));
        try (PDDocument blank = new PDDocument()) {
            TestPdfs.addScanPage(blank, LosslessFactory.createFromImage(blank, TestPdfs.white(850, 1100)), 100);
            blank.save(scans.resolve("blank.pdf").toFile());
        }
        sampleDir = output.resolve(SAMPLE);
        // what an earlier run left behind: an article and a page that no longer exist
        Files.createDirectories(sampleDir.resolve("text"));
        Files.writeString(sampleDir.resolve("text/a099.txt"), "an article of an earlier run\n");
        Files.createDirectories(sampleDir.resolve("alto"));
        Files.writeString(sampleDir.resolve("alto/0009.xml"), "<alto/>");
        // a folder stands where blank.pdf's searchable PDF must go, so that export fails
        blankDir = output.resolve("blank");
        Files.createDirectories(blankDir.resolve("blank.pdf"));
        Files.writeString(blankDir.resolve("blank.pdf/placeholder"), "not an export");
        run = JobTestSupport.run(scans, output, "--workers", "2");
    }

    // ---------------------------------------------------------------- the run

    @Test
    void aFailedExportIsNamedAndTheRestGoesOn() throws Exception {
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("1 exports failed"), run.out());
        assertTrue(run.out().contains("blank.pdf searchable PDF export"), run.out());
        assertTrue(Files.isRegularFile(blankDir.resolve("alto/0001.xml")), "blank's other exports are written");
        assertTrue(Files.isDirectory(blankDir.resolve("text")));
        assertTrue(Files.isRegularFile(sampleDir.resolve(SAMPLE + ".pdf")), "the next document is exported");
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(2, JobTestSupport.count(db, "SELECT COUNT(*) FROM document WHERE status = 'DONE'"));
            assertEquals(7, JobTestSupport.count(db, "SELECT COUNT(*) FROM article"), "articles stay stored");
            var steps = JobTestSupport.steps(db, JobTestSupport.executions(db).get(0));
            JobTestSupport.StepRun export = JobTestSupport.step(steps, "export");
            assertEquals("COMPLETED", export.status(), "a failed export does not stop the step");
            assertEquals(1, export.write(), "the sample's exports are all written: " + export);
            assertEquals(1, export.writeSkip(), "blank.pdf's are not: " + export);
            assertEquals(2, JobTestSupport.step(steps, "index").write(), "both documents are indexed");
        }
    }

    @Test
    void theRunWritesItsReportOfEveryPageAndNamesIt() throws Exception {
        Path reports = output.resolve("reports");
        assertTrue(run.out().contains("digitize: report " + reports.resolve("run-1.json")), run.out());
        JsonNode report = JobTestSupport.readJson(reports.resolve("run-1.json"));
        assertEquals("COMPLETED", report.get("status").asString());
        assertEquals(2, report.get("documents").size());
        JsonNode pages = report.get("pages");
        assertEquals(4, pages.size(), "three sample pages and the blank one");
        try (Connection db = JobTestSupport.database(output)) {
            for (JsonNode p : pages) {
                if (!p.get("file").asString().startsWith("sample")) {
                    continue;
                }
                try (ResultSet rs = db.createStatement().executeQuery(pageSql(p.get("page").asInt(), "p.confidence, p.review"))) {
                    assertTrue(rs.next());
                    assertEquals(rs.getDouble(1), p.get("confidence").asDouble(), 1e-9);
                    assertEquals(rs.getString(2), p.get("review").isNull() ? null : p.get("review").asString());
                }
            }
        }
        List<String> csv = Files.readAllLines(reports.resolve("run-1.csv"));
        assertEquals("file,page,status,error,confidence,skew_deg,contrast,review", csv.get(0));
        assertEquals(5, csv.size());
        assertTrue(Files.readString(reports.resolve("run-1.html")).contains("<table>"));
    }

    @Test
    void nothingOfAnEarlierRunSurvives() throws IOException {
        assertFalse(Files.exists(sampleDir.resolve("text/a099.txt")));
        assertFalse(Files.exists(sampleDir.resolve("alto/0009.xml")));
        try (Stream<Path> all = Stream.concat(Files.walk(sampleDir), Files.walk(blankDir))) {
            List<Path> leftovers = all.filter(p -> p.toString().endsWith(".tmp") || p.toString().endsWith(".old")).toList();
            assertTrue(leftovers.isEmpty(), leftovers.toString());
        }
    }

    // ---------------------------------------------------------------- ALTO

    @Test
    void altoValidatesAgainstTheAlto44Schema() throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(LibraryExportsTest.class.getResource("/alto/alto-4-4-offline.xsd"));
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(sampleDir.resolve("alto"), blankDir.resolve("alto"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.sorted().forEach(files::add);
            }
        }
        assertEquals(List.of("0001.xml", "0002.xml", "0003.xml", "0001.xml"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            schema.newValidator().validate(new StreamSource(f.toFile()));
        }
    }

    @Test
    void altoHasEveryStoredWordInsideItsPage() throws Exception {
        try (Connection db = JobTestSupport.database(output)) {
            for (int pageNo = 1; pageNo <= 3; pageNo++) {
                Element page = (Element) alto(pageNo).getElementsByTagNameNS(ALTO_NS, "Page").item(0);
                int width = Integer.parseInt(page.getAttribute("WIDTH")), height = Integer.parseInt(page.getAttribute("HEIGHT"));
                assertEquals(JobTestSupport.count(db, pageSql(pageNo, "p.width")), width);
                assertEquals(JobTestSupport.count(db, pageSql(pageNo, "p.height")), height);
                NodeList strings = page.getElementsByTagNameNS(ALTO_NS, "String");
                assertEquals(JobTestSupport.count(db, "SELECT COUNT(*) FROM word w JOIN text_line l ON l.id = w.line_id "
                        + "JOIN page p ON p.id = l.page_id JOIN document d ON d.id = p.document_id "
                        + "WHERE d.source_name LIKE 'sample%' AND p.page_no = " + pageNo), strings.getLength(),
                        "one String per stored word");
                assertEquals(JobTestSupport.count(db, "SELECT COUNT(*) FROM text_line l JOIN page p ON p.id = l.page_id "
                        + "JOIN document d ON d.id = p.document_id WHERE d.source_name LIKE 'sample%' AND p.page_no = "
                        + pageNo), page.getElementsByTagNameNS(ALTO_NS, "TextLine").getLength());
                for (String name : List.of("PrintSpace", "TextBlock", "TextLine", "String", "SP")) {
                    NodeList all = page.getElementsByTagNameNS(ALTO_NS, name);
                    for (int i = 0; i < all.getLength(); i++) {
                        int[] b = box((Element) all.item(i));
                        assertTrue(b[0] >= 0 && b[1] >= 0 && b[0] + b[2] <= width && b[1] + b[3] <= height,
                                name + " outside page " + pageNo + ": " + java.util.Arrays.toString(b));
                    }
                }
                for (int i = 0; i < strings.getLength(); i++) {
                    double wc = Double.parseDouble(((Element) strings.item(i)).getAttribute("WC"));
                    assertTrue(wc >= 0 && wc <= 1);
                }
            }
        }
    }

    @Test
    void altoSaysHowEachPageWasReadAsRecordedWithThePage() throws Exception {
        try (java.sql.Connection db = JobTestSupport.database(output)) {
            for (int pageNo = 1; pageNo <= 3; pageNo++) {
                String recorded;
                try (var rs = db.createStatement().executeQuery("SELECT p.detector, p.recognizer, p.model_sha256, "
                        + "p.ocr_settings FROM page p JOIN document d ON d.id = p.document_id WHERE d.source_name LIKE "
                        + "'sample-issue%' AND p.page_no = " + pageNo)) {
                    assertTrue(rs.next());
                    // the defaults: auto (the X-Y cut on these clean pages) and best
                    assertEquals("auto:xy-cut", rs.getString(1));
                    assertEquals("best", rs.getString(2));
                    assertEquals(64, rs.getString(3).length(), "the model's SHA-256");
                    recorded = rs.getString(4);
                }
                assertTrue(recorded.contains("segmentation=regions") && recorded.contains("line-width=")
                        && recorded.contains("margin="), recorded);
                Element ocr = elements(alto(pageNo), "Processing").get(0);
                String settings = elements(ocr, "processingStepSettings").get(0).getTextContent();
                assertTrue(settings.startsWith("detector=auto:xy-cut; model=chi_sim + PP-OCRv4"), settings);
                assertTrue(settings.endsWith(recorded), "the settings the page was read with: " + settings);
                assertFalse(settings.contains("psm=3"), "not the whole-page mode it was not read with: " + settings);
                assertEquals("best", elements(ocr, "softwareName").get(0).getTextContent());
            }
        }
    }

    @Test
    void altoCarriesThePhotosAndRulesFoundAsStored() throws Exception {
        try (java.sql.Connection db = JobTestSupport.database(output)) {
            for (int pageNo = 1; pageNo <= 3; pageNo++) {
                String where = " FROM page_graphic g JOIN page p ON p.id = g.page_id JOIN document d ON d.id = p.document_id "
                        + "WHERE d.source_name LIKE 'sample-issue%' AND p.page_no = " + pageNo;
                int photos = JobTestSupport.count(db, "SELECT COUNT(*)" + where + " AND g.kind = 'PHOTO'");
                int rules = JobTestSupport.count(db, "SELECT COUNT(*)" + where + " AND g.kind = 'RULE'");
                Document alto = alto(pageNo);
                assertEquals(photos, elements(alto, "Illustration").size(), "page " + pageNo);
                assertEquals(rules, elements(alto, "GraphicalElement").size(), "page " + pageNo);
                if (pageNo == 1) {
                    assertTrue(photos >= 1, "the front page's photo is found and stored");
                    assertTrue(rules >= 1, "its column rules too");
                }
            }
        }
    }

    @Test
    void altoHeadlinesSitAtTheirTruthBoxes() throws Exception {
        JsonNode truth = JobTestSupport.readJson(JobTestSupport.SAMPLE_TRUTH);
        int checked = 0;
        for (JsonNode tp : truth.get("pages")) {
            List<Element> lines = elements(alto(tp.get("page").asInt()), "TextLine");
            for (JsonNode tl : tp.get("lines")) {
                if (!tl.get("region").asString().endsWith(":headline")) {
                    continue;
                }
                String want = tl.get("text").asString();
                int[] t = box(tl.get("bbox"));
                Element best = null;
                double bestCer = 1;
                for (Element line : lines) {
                    double cer = TextMetrics.cer(List.of(want), List.of(text(line)));
                    if (cer < bestCer) {
                        best = line;
                        bestCer = cer;
                    }
                }
                assertNotNull(best, want);
                assertTrue(bestCer < 0.2, want + " read as " + text(best));
                for (Element s : elements(best, "String")) {
                    int[] b = box(s);
                    int cx = b[0] + b[2] / 2, cy = b[1] + b[3] / 2;
                    assertTrue(cx >= t[0] && cx < t[2] && cy >= t[1] && cy < t[3],
                            s.getAttribute("CONTENT") + " of " + want + " at " + java.util.Arrays.toString(b));
                }
                checked++;
            }
        }
        assertEquals(10, checked);
    }

    @Test
    void altoArticleTagsMatchTheStoredArticles() throws Exception {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<Integer, Map<String, Set<Integer>>> linesByPage = new TreeMap<>();
        try (Connection db = JobTestSupport.database(output)) {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT a.ext_id, a.title FROM article a "
                    + "JOIN document d ON d.id = a.document_id WHERE d.source_name LIKE 'sample%' ORDER BY a.seq")) {
                while (rs.next()) {
                    titles.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("SELECT a.ext_id, p.page_no, l.seq FROM fragment_line fl "
                    + "JOIN article_fragment f ON f.id = fl.fragment_id JOIN article a ON a.id = f.article_id "
                    + "JOIN text_line l ON l.id = fl.line_id JOIN page p ON p.id = l.page_id")) {
                while (rs.next()) {
                    linesByPage.computeIfAbsent(rs.getInt(2), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getInt(3));
                }
            }
        }
        assertEquals(7, titles.size());
        Map<String, Integer> pagesPerTag = new HashMap<>();
        for (int pageNo = 1; pageNo <= 3; pageNo++) {
            Document alto = alto(pageNo);
            Map<String, String> tagToArticle = new HashMap<>();
            for (Element tag : elements(alto, "StructureTag")) {
                assertEquals("article", tag.getAttribute("TYPE"));
                String id = tag.getAttribute("DESCRIPTION");
                assertEquals(titles.get(id), tag.getAttribute("LABEL"), id);
                tagToArticle.put(tag.getAttribute("ID"), id);
                pagesPerTag.merge(tag.getAttribute("ID"), 1, Integer::sum);
            }
            Map<String, Set<Integer>> got = new TreeMap<>();
            List<Element> lines = elements(alto, "TextLine");
            for (int seq = 0; seq < lines.size(); seq++) {
                for (String ref : lines.get(seq).getAttribute("TAGREFS").split(" ")) {
                    if (tagToArticle.containsKey(ref)) {
                        got.computeIfAbsent(tagToArticle.get(ref), k -> new TreeSet<>()).add(seq);
                    }
                }
            }
            assertEquals(linesByPage.getOrDefault(pageNo, Map.of()), got, "article lines of page " + pageNo);
        }
        assertTrue(pagesPerTag.containsValue(2), "the jumped article carries one tag on both its pages");
    }

    // ---------------------------------------------------------------- searchable PDF

    @Test
    void pdfPagesAreTheScansAtTheirPhysicalSize() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(sampleDir.resolve(SAMPLE + ".pdf").toFile());
             PDDocument source = Loader.loadPDF(JobTestSupport.SAMPLE.toFile());
             Connection db = JobTestSupport.database(output)) {
            assertEquals(source.getNumberOfPages(), pdf.getNumberOfPages());
            for (int pageNo = 1; pageNo <= pdf.getNumberOfPages(); pageNo++) {
                PDPage page = pdf.getPage(pageNo - 1);
                double dpi = JobTestSupport.count(db, pageSql(pageNo, "p.dpi"));
                assertEquals(JobTestSupport.count(db, pageSql(pageNo, "p.width")) / dpi * 72, page.getMediaBox().getWidth(), 0.01);
                assertEquals(JobTestSupport.count(db, pageSql(pageNo, "p.height")) / dpi * 72, page.getMediaBox().getHeight(), 0.01);
                assertArrayEquals(rawImage(source.getPage(pageNo - 1)), rawImage(page), "the scan's own image stream");
                PDFont font = page.getResources().getFont(page.getResources().getFontNames().iterator().next());
                assertTrue(font instanceof PDType0Font && font.getName().endsWith("+WenQuanYiZenHei") && font.isEmbedded(),
                        font.getName());
            }
        }
    }

    @Test
    void pdftotextGivesTheTextInReadingOrder() throws Exception {
        JsonNode truth = JobTestSupport.readJson(JobTestSupport.SAMPLE_TRUTH);
        Path pdf = sampleDir.resolve(SAMPLE + ".pdf");
        int lineErrors = 0, lineChars = 0, fragmentErrors = 0, fragmentChars = 0;
        for (JsonNode tp : truth.get("pages")) {
            int pageNo = tp.get("page").asInt();
            String layoutText = TextMetrics.norm(pdftotext(pdf, pageNo));
            String contentOrder = TextMetrics.norm(pdftotext(pdf, pageNo, "-raw"));
            Map<String, StringBuilder> fragments = new LinkedHashMap<>();
            for (JsonNode tl : tp.get("lines")) {
                String region = tl.get("region").asString();
                if (!region.endsWith(":body")) {
                    continue;
                }
                String want = TextMetrics.norm(tl.get("text").asString());
                lineErrors += Math.min(want.length(), substringDistance(want, layoutText));
                lineChars += want.length();
                fragments.computeIfAbsent(region, k -> new StringBuilder()).append(want);
            }
            for (StringBuilder f : fragments.values()) {
                fragmentErrors += Math.min(f.length(), substringDistance(f.toString(), contentOrder));
                fragmentChars += f.length();
            }
        }
        double lineCer = (double) lineErrors / lineChars, fragmentCer = (double) fragmentErrors / fragmentChars;
        assertTrue(lineCer < 0.1, "body lines in pdftotext's text, CER " + lineCer);
        assertTrue(fragmentCer < 0.1, "article fragments whole and in order in the content stream, CER " + fragmentCer);
    }

    @Test
    void pdfCharactersSitInTheirLineBoxes() throws Exception {
        JsonNode export = JobTestSupport.readJson(sampleDir.resolve("articles.json"));
        try (PDDocument pdf = Loader.loadPDF(sampleDir.resolve(SAMPLE + ".pdf").toFile())) {
            int checkedLines = 0;
            for (int pageNo = 1; pageNo <= 3; pageNo++) {
                JsonNode page = export.get("pages").get(pageNo - 1);
                double px = page.get("dpi").asInt() / 72.0;
                List<TextPosition> chars = textPositions(pdf, pageNo);
                StringBuilder all = new StringBuilder();
                chars.forEach(c -> all.append(c.getUnicode()));
                for (JsonNode line : page.get("lines")) {
                    String text = line.get("text").asString().replace(" ", "");
                    int at = all.indexOf(text);
                    if (text.length() < 4 || at < 0 || all.indexOf(text, at + 1) >= 0) {
                        continue; // short, or not found once: cannot be told apart
                    }
                    int[] b = box(line.get("bbox"));
                    for (int i = at; i < at + text.length(); i++) {
                        TextPosition c = chars.get(i);
                        double x0 = c.getXDirAdj() * px, x1 = (c.getXDirAdj() + c.getWidthDirAdj()) * px;
                        double y1 = c.getYDirAdj() * px, y0 = (c.getYDirAdj() - c.getHeightDir()) * px;
                        assertTrue(x0 >= b[0] - 2 && x1 <= b[2] + 2 && y0 >= b[1] - 2 && y1 <= b[3] + 2,
                                c.getUnicode() + " of " + text + " at [" + (int) x0 + ", " + (int) y0 + ", " + (int) x1
                                        + ", " + (int) y1 + "], line " + line.get("bbox"));
                    }
                    checkedLines++;
                }
            }
            assertTrue(checkedLines > 200, checkedLines + " lines checked");
        }
    }

    // ---------------------------------------------------------------- article text

    @Test
    void oneTextFilePerStoredArticle() throws Exception {
        Map<String, String> want = new TreeMap<>();
        try (Connection db = JobTestSupport.database(output);
             ResultSet rs = db.createStatement().executeQuery("SELECT a.ext_id, a.title, a.text FROM article a "
                     + "JOIN document d ON d.id = a.document_id WHERE d.source_name LIKE 'sample%'")) {
            while (rs.next()) {
                String id = rs.getString(1);
                want.put(id.substring(id.lastIndexOf('/') + 1) + ".txt", rs.getString(2) + "\n\n" + rs.getString(3) + "\n");
            }
        }
        Map<String, String> got = new TreeMap<>();
        try (Stream<Path> files = Files.list(sampleDir.resolve("text"))) {
            for (Path f : files.toList()) {
                got.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(7, want.size());
        assertEquals(want, got);
        try (Stream<Path> files = Files.list(blankDir.resolve("text"))) {
            assertEquals(0, files.count(), "a page without text has no articles");
        }
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void thePdfIsPdfA2bByVeraPdfAndTheScanAsItCameIsNot() throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        List<String> failed = pdfA2bFailures(sampleDir.resolve(SAMPLE + ".pdf"));
        assertTrue(failed.isEmpty(), "PDF/A-2B rules broken: " + failed);
        // the check can fail: the sample scan as it was made declares no PDF/A
        assertFalse(pdfA2bFailures(JobTestSupport.SAMPLE).isEmpty());
        try (PDDocument pdf = Loader.loadPDF(sampleDir.resolve(SAMPLE + ".pdf").toFile())) {
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("pdfaid:part") && xmp.contains(">2<") || xmp.contains("pdfaid:part=\"2\""), xmp);
            assertEquals(1, pdf.getDocumentCatalog().getOutputIntents().size());
        }
    }

    /** The PDF/A-2B rules veraPDF finds a file breaking, empty for a conforming file. */
    private static List<String> pdfA2bFailures(Path pdf) throws Exception {
        var flavour = org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_B;
        var foundry = org.verapdf.pdfa.Foundries.defaultInstance();
        org.verapdf.pdfa.validation.profiles.ValidationProfile profile;
        try (var in = LibraryExportsTest.class.getResourceAsStream("/verapdf/PDFA-2B.xml")) {
            profile = org.verapdf.pdfa.validation.profiles.Profiles.profileFromXml(in);
        }
        try (var parser = foundry.createParser(pdf.toFile(), flavour);
             var validator = foundry.createValidator(profile, false)) {
            var result = validator.validate(parser);
            return result.isCompliant() ? List.of()
                    : result.getFailedChecks().keySet().stream().map(r -> r.getClause() + "-" + r.getTestNumber()).toList();
        }
    }

    // ---------------------------------------------------------------- PAGE XML

    static final String PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15";

    @Test
    void pageXmlValidatesAndHasTheAltoLinesWithTheirText() throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(LibraryExportsTest.class.getResource("/page/pagecontent.xsd"));
        for (Path dir : List.of(sampleDir.resolve("page"), blankDir.resolve("page"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    schema.newValidator().validate(new StreamSource(f.toFile()));
                }
            }
        }
        for (int n = 1; n <= 3; n++) {
            Document page = xml(sampleDir.resolve("page").resolve(String.format("%04d.xml", n)));
            List<Element> altoLines = elements(alto(n), "TextLine");
            List<Element> pageLines = ns(page, PAGE_NS, "TextLine");
            assertEquals(altoLines.size(), pageLines.size(), "page " + n);
            for (int i = 0; i < altoLines.size(); i++) {
                Element pl = pageLines.get(i);
                assertEquals(altoLines.get(i).getAttribute("ID"), pl.getAttribute("id"));
                // the line's own TextEquiv is its last child TextEquiv, after its words
                List<Element> equivs = new ArrayList<>();
                for (var c = pl.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e && e.getLocalName().equals("TextEquiv")) {
                        equivs.add(e);
                    }
                }
                String text = equivs.get(0).getElementsByTagNameNS(PAGE_NS, "Unicode").item(0).getTextContent();
                assertEquals(text(altoLines.get(i)).replace(" ", ""), text.replace(" ", ""), "page " + n + " line " + i);
            }
        }
    }

    // ---------------------------------------------------------------- METS

    static final String METS_NS = "http://www.loc.gov/METS/", MODS_NS = "http://www.loc.gov/mods/v3",
            XLINK_NS = "http://www.w3.org/1999/xlink";

    @Test
    void metsValidatesAgainstTheMets1121Schema() throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(LibraryExportsTest.class.getResource("/mets/mets-1-12-1-offline.xsd"));
        for (Path dir : List.of(sampleDir, blankDir)) {
            schema.newValidator().validate(new StreamSource(dir.resolve("mets.xml").toFile()));
        }
    }

    @Test
    void metsDescribesTheIssueAndItsPagesAndFiles() throws Exception {
        Document mets = xml(sampleDir.resolve("mets.xml"));
        Element issueMods = (Element) mets.getElementsByTagNameNS(MODS_NS, "mods").item(0);
        String newspaper = issueMods.getElementsByTagNameNS(MODS_NS, "title").item(0).getTextContent();
        assertFalse(newspaper.isBlank(), "the issue has a title");
        assertEquals("2025-06-03", issueMods.getElementsByTagNameNS(MODS_NS, "dateIssued").item(0).getTextContent());
        List<Element> pages = ns(mets, METS_NS, "div").stream().filter(d -> d.getAttribute("TYPE").equals("page")).toList();
        assertEquals(List.of("1", "2", "3"), pages.stream().map(d -> d.getAttribute("ORDER")).toList());
        assertTrue(pages.stream().allMatch(d -> d.getAttribute("LABEL").matches("第\\S+版")), "page labels 第N版");
        Map<String, String> files = files(mets);
        for (int n = 1; n <= 3; n++) {
            assertTrue(Files.isRegularFile(sampleDir.resolve(files.get(String.format("ALTO_%04d", n)))), "ALTO of page " + n);
            assertTrue(files.get(String.format("IMG_%04d", n)).matches("https?://.+/iiif/" + SAMPLE + "/" + n + "/full/max/0/default.jpg"),
                    files.get(String.format("IMG_%04d", n)));
        }
        assertTrue(Files.isRegularFile(sampleDir.resolve(files.get("PDF"))), "the PDF");
    }

    @Test
    void metsArticleAreasAreTheStoredArticleLinesInTheirAltoFiles() throws Exception {
        Document mets = xml(sampleDir.resolve("mets.xml"));
        Map<String, String> files = files(mets);
        JsonNode articles = JobTestSupport.readJson(sampleDir.resolve("articles.json"));
        List<Element> items = ns(mets, METS_NS, "div").stream()
                .filter(d -> Set.of("ARTICLE", "NOTICE", "ADVERTISEMENT").contains(d.getAttribute("TYPE"))).toList();
        assertEquals(articles.get("articles").size(), items.size(), "one logical division per article, in order");
        Map<String, Set<String>> stored = new HashMap<>();
        try (Connection db = JobTestSupport.database(output);
             ResultSet rs = db.createStatement().executeQuery("SELECT a.ext_id, p.page_no, l.seq FROM fragment_line fl "
                     + "JOIN article_fragment f ON f.id = fl.fragment_id JOIN article a ON a.id = f.article_id "
                     + "JOIN text_line l ON l.id = fl.line_id JOIN page p ON p.id = l.page_id")) {
            while (rs.next()) {
                stored.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(rs.getInt(2) + ":P" + rs.getInt(2) + "_TL" + (rs.getInt(3) + 1));
            }
        }
        Map<String, List<String>> lineIds = new HashMap<>();
        int jumped = 0;
        for (int k = 0; k < items.size(); k++) {
            JsonNode a = articles.get("articles").get(k);
            // the lines stored for the article, as ALTO line IDs
            Set<String> expected = stored.getOrDefault(a.get("id").asString(), Set.of());
            List<String> got = new ArrayList<>();
            for (Element area : ns(items.get(k), METS_NS, "area")) {
                assertEquals("IDREF", area.getAttribute("BETYPE"));
                String alto = files.get(area.getAttribute("FILEID"));
                int page = Integer.parseInt(alto.replaceAll("\\D", ""));
                List<String> ids = lineIds.computeIfAbsent(alto, f -> altoLineIds(sampleDir.resolve(f)));
                int begin = ids.indexOf(area.getAttribute("BEGIN")), end = ids.indexOf(area.getAttribute("END"));
                assertTrue(begin >= 0 && end >= begin, "area " + area.getAttribute("BEGIN") + ".." + area.getAttribute("END") + " in " + alto);
                ids.subList(begin, end + 1).forEach(id -> got.add(page + ":" + id));
            }
            assertFalse(expected.isEmpty(), a.get("id").asString());
            assertEquals(expected, new TreeSet<>(got), a.get("id").asString());
            assertEquals(got.size(), new TreeSet<>(got).size(), "no line twice: " + got);
            if (a.get("fragments").size() > 1) {
                jumped++;
                // one division over both pages: its text runs from the first page's ALTO to the next
                List<Element> body = ns(items.get(k), METS_NS, "div").stream().filter(d -> d.getAttribute("TYPE").equals("BODY")).toList();
                List<String> bodyFiles = ns(body.get(0), METS_NS, "area").stream().map(e -> files.get(e.getAttribute("FILEID"))).distinct().toList();
                assertEquals(List.of("alto/0001.xml", "alto/0003.xml"), bodyFiles, a.get("id").asString());
                String id = items.get(k).getAttribute("ID");
                List<String> linked = ns(mets, METS_NS, "smLink").stream()
                        .filter(l -> l.getAttributeNS(XLINK_NS, "from").equals(id))
                        .map(l -> l.getAttributeNS(XLINK_NS, "to")).toList();
                assertEquals(List.of("PHYS_0001", "PHYS_0003"), linked);
            }
        }
        assertEquals(1, jumped, "the sample's jumped article");
    }

    // ---------------------------------------------------------------- IIIF manifest

    @Test
    void manifestValidatesAgainstTheIiifPresentation3Schema() throws Exception {
        Schema3 schema = Schema3.load();
        for (Path dir : List.of(sampleDir, blankDir)) {
            List<String> errors = schema.validate(Files.readString(dir.resolve("manifest.json")));
            assertTrue(errors.isEmpty(), dir + ": " + errors);
        }
        // the check can fail: a canvas without its type is refused
        String broken = Files.readString(sampleDir.resolve("manifest.json")).replaceFirst("\"type\" : \"Canvas\",", "");
        assertFalse(schema.validate(broken).isEmpty(), "a manifest whose canvas has no type is invalid");
    }

    @Test
    void manifestHasACanvasPerPageAndARangePerArticle() throws Exception {
        JsonNode m = JobTestSupport.readJson(sampleDir.resolve("manifest.json"));
        assertTrue(m.get("id").asString().matches("https?://.+/iiif/" + SAMPLE + "/manifest"), m.get("id").asString());
        JsonNode canvases = m.get("items");
        assertEquals(3, canvases.size());
        JsonNode articles = JobTestSupport.readJson(sampleDir.resolve("articles.json"));
        for (int i = 0; i < 3; i++) {
            JsonNode c = canvases.get(i);
            assertTrue(c.get("label").toString().matches(".*第\\S+版.*"), c.get("label").toString());
            JsonNode page = articles.get("pages").get(i);
            assertEquals(page.get("width").asInt(), c.get("width").asInt());
            assertEquals(page.get("height").asInt(), c.get("height").asInt());
            JsonNode body = c.get("items").get(0).get("items").get(0).get("body");
            assertTrue(body.get("service").get(0).get("id").asString().endsWith("/iiif/" + SAMPLE + "/" + (i + 1)));
        }
        JsonNode ranges = m.get("structures");
        assertEquals(articles.get("articles").size(), ranges.size());
        int spanning = 0;
        for (int k = 0; k < ranges.size(); k++) {
            JsonNode a = articles.get("articles").get(k);
            JsonNode items = ranges.get(k).get("items");
            assertEquals(a.get("fragments").size(), items.size(), a.get("id").asString());
            for (int f = 0; f < items.size(); f++) {
                JsonNode bbox = a.get("fragments").get(f).get("bbox");
                String xywh = "xywh=" + bbox.get(0).asInt() + "," + bbox.get(1).asInt() + ","
                        + (bbox.get(2).asInt() - bbox.get(0).asInt()) + "," + (bbox.get(3).asInt() - bbox.get(1).asInt());
                assertEquals(xywh, items.get(f).get("selector").get("value").asString());
                assertTrue(items.get(f).get("source").asString().endsWith("/canvas/" + a.get("fragments").get(f).get("page").asInt()));
            }
            spanning += items.size() > 1 ? 1 : 0;
        }
        assertEquals(1, spanning, "the jumped article is one range over its two pages");
    }

    /** The IIIF Presentation 3 JSON schema, read with networknt's validator. */
    private record Schema3(com.networknt.schema.Schema schema) {
        static Schema3 load() throws IOException {
            try (var in = LibraryExportsTest.class.getResourceAsStream("/iiif/iiif-presentation-3.0.schema.json")) {
                return new Schema3(com.networknt.schema.SchemaRegistry
                        .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_7).getSchema(in));
            }
        }

        List<String> validate(String json) {
            return schema.validate(json, com.networknt.schema.InputFormat.JSON).stream().map(Object::toString).toList();
        }
    }

    private static Map<String, String> files(Document mets) {
        Map<String, String> out = new HashMap<>();
        for (Element f : ns(mets, METS_NS, "file")) {
            out.put(f.getAttribute("ID"), ns(f, METS_NS, "FLocat").get(0).getAttributeNS(XLINK_NS, "href"));
        }
        return out;
    }

    private static List<String> altoLineIds(Path alto) {
        try {
            return new ArrayList<>(ns(xml(alto), ALTO_NS, "TextLine").stream().map(e -> e.getAttribute("ID")).toList());
        } catch (Exception e) {
            throw new AssertionError(alto + ": " + e, e);
        }
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> ns(Object parent, String ns, String name) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS(ns, name)
                : ((Element) parent).getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String pageSql(int pageNo, String column) {
        return "SELECT " + column + " FROM page p JOIN document d ON d.id = p.document_id "
                + "WHERE d.source_name LIKE 'sample%' AND p.page_no = " + pageNo;
    }

    private static Document alto(int pageNo) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(sampleDir.resolve("alto").resolve(String.format("%04d.xml", pageNo)).toFile());
    }

    private static List<Element> elements(Object parent, String name) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS(ALTO_NS, name)
                : ((Element) parent).getElementsByTagNameNS(ALTO_NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String text(Element line) {
        StringBuilder sb = new StringBuilder();
        elements(line, "String").forEach(s -> sb.append(s.getAttribute("CONTENT")));
        return sb.toString();
    }

    /** @return HPOS, VPOS, WIDTH, HEIGHT */
    private static int[] box(Element e) {
        return new int[] {Integer.parseInt(e.getAttribute("HPOS")), Integer.parseInt(e.getAttribute("VPOS")),
                Integer.parseInt(e.getAttribute("WIDTH")), Integer.parseInt(e.getAttribute("HEIGHT"))};
    }

    /** @return x0, y0, x1, y1 of a JSON bbox */
    private static int[] box(JsonNode a) {
        return new int[] {a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt(), a.get(3).asInt()};
    }

    private static byte[] rawImage(PDPage page) throws IOException {
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                try (var in = img.getCOSObject().createRawInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no image on the page");
    }

    private static String pdftotext(Path pdf, int pageNo, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8", "-f", "" + pageNo, "-l", "" + pageNo));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(pdf.toString(), "-"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "pdftotext (poppler-utils) must be installed");
        return out;
    }

    private static List<TextPosition> textPositions(PDDocument pdf, int pageNo) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                out.addAll(positions);
            }
        };
        stripper.setStartPage(pageNo);
        stripper.setEndPage(pageNo);
        stripper.getText(pdf);
        return out;
    }

    /** Edit distance between {@code pattern} and the substring of {@code text} closest to it. */
    static int substringDistance(String pattern, String text) {
        int[] prev = new int[text.length() + 1], cur = new int[text.length() + 1];
        for (int i = 1; i <= pattern.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= text.length(); j++) {
                int sub = prev[j - 1] + (pattern.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int best = Integer.MAX_VALUE;
        for (int v : prev) {
            best = Math.min(best, v);
        }
        return best;
    }
}
