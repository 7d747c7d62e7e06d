package org.inkstone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.inkstone.fixture.PageRenderer.Face;
import org.inkstone.fixture.PageRenderer.NewspaperPage;
import org.inkstone.fixture.PageRenderer.TextCursor;
import org.inkstone.fixture.SampleIssue;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.SearchHit;
import org.inkstone.search.SearchIndex;
import org.inkstone.search.SearchQuery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A collection in traditional script: a rendered page of traditional characters run through
 * the whole job with {@code --inkstone.ocr.language=chi_tra}. Its ALTO and searchable PDF say
 * {@code zh-Hant}, and a search typed in simplified characters finds the traditional text,
 * marking the characters as printed.
 */
@RequiresTesseract
class TraditionalScriptTest {

    static final String NAME = "traditional-2025-08-01";
    static final String TITLE = "地鐵五號線今日開通";
    static final List<String> TEXT = List.of(
            "本報訊江城地鐵五號線今日正式開通運營。這條線路全長二十八公里，共設車站二十一座，沿江而行，"
                    + "連接江北新區與老城區。首班車早上六時發出，末班車晚上十時從終點站開出。",
            "市交通局表示，地鐵五號線開通以後，從江北到老城區只需二十分鐘，市民出行將更加方便。");

    @TempDir
    static Path work;
    static Path output, dir;

    @BeforeAll
    static void digitize() throws Exception {
        for (String model : List.of("chi_tra", "chi_tra_vert")) {
            Assumptions.assumeTrue(Files.isRegularFile(Path.of("/usr/share/tesseract-ocr/5/tessdata", model + ".traineddata")),
                    "needs the " + model + " model (./inkstone setup installs it)");
        }
        NewspaperPage p = new NewspaperPage();
        int top = 220;
        int hb = p.headline(TITLE, "t1#1:headline", Face.SANS_BOLD, 72, 0, 3, top);
        TextCursor body = new TextCursor(TEXT);
        p.flow(body, "t1#1:body", 0, 3, hb + 44, 1400, true, null, null);
        if (!body.isDone()) {
            throw new IllegalStateException("the article does not fit the page");
        }
        Path scans = Files.createDirectories(work.resolve("scans"));
        output = work.resolve("output");
        SampleIssue.writePdf(List.of(p.finish(20250801L)), scans.resolve(NAME + ".pdf"));
        assertEquals(0, InkstoneApplication.execute("run", "--scans", scans.toString(), "--output", output.toString(),
                "--workers", "1", "--inkstone.ocr.language=chi_tra"));
        dir = output.resolve(NAME);
    }

    @Test
    void altoSaysTheTextIsChineseInTraditionalScriptAndValidates() throws Exception {
        Path alto = dir.resolve("alto/0001.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(TraditionalScriptTest.class.getResource("/alto/alto-4-4-offline.xsd"))
                .newValidator().validate(new StreamSource(alto.toFile()));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document xml = f.newDocumentBuilder().parse(alto.toFile());
        String ns = "http://www.loc.gov/standards/alto/ns-v4#";
        Element page = (Element) xml.getElementsByTagNameNS(ns, "Page").item(0);
        assertEquals("zh-Hant", page.getAttribute("LANG"));
        String settings = xml.getElementsByTagNameNS(ns, "processingStepSettings").item(0).getTextContent();
        assertTrue(settings.contains("model=chi_tra + PP-OCRv4") || settings.contains("model=chi_tra ("), settings);
    }

    @Test
    void theSearchablePdfSaysTheSame() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(dir.resolve(NAME + ".pdf").toFile())) {
            assertEquals("zh-Hant", pdf.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void simplifiedQueriesFindTheTraditionalTextAsPrinted() throws Exception {
        try (ArticleSearcher s = ArticleSearcher.open(SearchIndex.location(output))) {
            for (String q : List.of("地铁", "地鐵", "五号线", "江北新区")) {
                assertEquals(1, s.search(SearchQuery.of(q)).total(), q);
            }
            SearchHit hit = s.search(SearchQuery.of("地铁五号线")).hits().get(0);
            assertTrue(hit.markedSnippet("[", "]").contains("[地鐵五號線]"), hit.markedSnippet("[", "]"));
            assertTrue(hit.markedTitle("[", "]").contains("[地鐵五號線]"), hit.markedTitle("[", "]"));
            assertTrue(!hit.boxes().isEmpty(), "the match is on the page: " + hit);
        }
    }
}
