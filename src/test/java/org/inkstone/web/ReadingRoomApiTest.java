package org.inkstone.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.search.SampleRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reading room's HTTP API, served by the real application on a free port over the index
 * and PDF of the real job run on the sample issue.
 */
class ReadingRoomApiTest {

    static ConfigurableApplicationContext app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DOC = SampleRun.NAME;

    @BeforeAll
    static void start() {
        Path output = SampleRun.output();
        app = ReadingRoom.start(output, 0);
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record Response(int status, String type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(text());
        }
    }

    static Response get(String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void itsOnlyDatabaseIsTheOutputFoldersSharedOne() {
        assertEquals(1, app.getBeansOfType(DataSource.class).size());
        assertTrue(app.getBean(DataSource.class) instanceof org.inkstone.store.SharedDatabase.Source,
                "the reading room uses the output folder's database as the runs share it");
    }

    @Test
    void searchAnswersHitsWithSnippetMarksAndLineBoxes() throws Exception {
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        Response r = get("/api/search?q=" + enc(p.text()));
        assertEquals(200, r.status(), r.text());
        JsonNode body = r.json();
        assertEquals(1, body.get("total").asInt());
        JsonNode hit = body.get("hits").get(0);
        assertEquals(p.article(), hit.get("id").asString());
        assertEquals(DOC, hit.get("document").asString());
        assertEquals("2025-06-03", hit.get("date").asString());
        assertEquals(p.line().page(), hit.get("page").asInt());
        String snippet = hit.get("snippet").asString();
        JsonNode mark = hit.get("marks").get(0);
        assertEquals(p.text(), snippet.substring(mark.get(0).asInt(), mark.get(1).asInt()));
        assertTrue(hit.get("boxes").size() >= 1);
        for (JsonNode b : hit.get("boxes")) {
            assertEquals(p.line().page(), b.get("page").asInt());
            assertTrue(SampleRun.sitsOn(box(b.get("bbox")), p.line().bbox()), b.toString());
        }
        Response paged = get("/api/search?q=" + enc("江城") + "&offset=1&limit=2");
        assertEquals(200, paged.status());
        assertEquals(1, paged.json().get("offset").asInt());
        assertTrue(paged.json().get("hits").size() <= 2);
        Response filtered = get("/api/search?q=" + enc(p.text()) + "&from=2025-06-04");
        assertEquals(0, filtered.json().get("total").asInt());
    }

    @Test
    void articleGivesTextLinesAndTheQuerysMarks() throws Exception {
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        String aid = p.article().substring(p.article().indexOf('/') + 1);
        Response r = get("/api/articles/" + DOC + "/" + aid + "?q=" + enc(p.text()));
        assertEquals(200, r.status(), r.text());
        JsonNode a = r.json();
        String text = a.get("text").asString();
        JsonNode exported = null;
        for (JsonNode x : SampleRun.export().get("articles")) {
            if (x.get("id").asString().equals(p.article())) {
                exported = x;
            }
        }
        assertEquals(exported.get("text").asString(), text);
        JsonNode m = a.get("marks").get("text").get(0);
        assertEquals(p.text(), text.substring(m.get(0).asInt(), m.get(1).asInt()));
        assertTrue(a.get("lines").size() > 3);
        for (JsonNode l : a.get("lines")) {
            assertTrue(l.get("end").asInt() > l.get("start").asInt());
        }
        JsonNode page = a.get("pages").get(0);
        assertEquals(2480, page.get("width").asInt());
        assertEquals("/iiif/" + DOC + "/" + page.get("page").asInt(), page.get("image").asString());
        assertEquals(exported.get("fragments").size(), a.get("fragments").size());
        for (JsonNode b : a.get("boxes")) {
            assertTrue(SampleRun.sitsOn(box(b.get("bbox")), p.line().bbox()), b.toString());
        }
        Response plain = get("/api/articles/" + DOC + "/" + aid);
        assertFalse(plain.json().has("marks"));
    }

    @Test
    void documentsListTheIssueWithItsPages() throws Exception {
        JsonNode docs = get("/api/documents").json();
        assertEquals(1, docs.size());
        assertEquals(DOC, docs.get(0).get("name").asString());
        assertEquals(3, docs.get(0).get("pages").size());
        assertEquals(3508, docs.get(0).get("pages").get(1).get("height").asInt());
        assertEquals(DOC, get("/api/documents/" + DOC).json().get("name").asString());
    }

    @Test
    void iiifCropsThePageImageAtScanResolution() throws Exception {
        BufferedImage page = new ScanPdfReader(250_000_000L).readPage(SampleRun.PDF, 2).image();
        Response crop = get("/iiif/" + DOC + "/2/300,400,600,200/max/0/default.jpg");
        assertEquals(200, crop.status(), crop.text());
        assertEquals("image/jpeg", crop.type());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(crop.body()));
        assertEquals(600, img.getWidth());
        assertEquals(200, img.getHeight());
        // same pixels as the page image's region (JPEG allows small differences)
        double diff = 0;
        int dark = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 600; x++) {
                int want = level(page, 300 + x, 400 + y);
                diff += Math.abs(want - level(img, x, y));
                dark += want < 100 ? 1 : 0;
            }
        }
        assertTrue(dark > 500, "the region holds print: " + dark);
        assertTrue(diff / (600 * 200) < 8, "mean difference " + diff / (600 * 200));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(get("/iiif/" + DOC + "/2/full/500,/0/default.jpg").body()));
        assertEquals(500, small.getWidth());
        assertEquals(Math.round(3508 * 500 / 2480.0), small.getHeight());
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(get("/api/documents/" + DOC + "/pages/1/image").body()));
        assertEquals(2480, full.getWidth());
        JsonNode info = get("/iiif/" + DOC + "/1/info.json").json();
        assertEquals(2480, info.get("width").asInt());
        assertEquals(3508, info.get("height").asInt());
        // clipped to the page
        BufferedImage corner = ImageIO.read(new ByteArrayInputStream(get("/iiif/" + DOC + "/1/2400,3400,500,500/max/0/default.jpg").body()));
        assertEquals(80, corner.getWidth());
        assertEquals(108, corner.getHeight());
    }

    @Test
    void iiifImageServiceIsLevel1WithAbsoluteIdsAndCors() throws Exception {
        HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/iiif/" + DOC + "/1/info.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode());
        assertTrue(info.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"), info.headers().toString());
        assertEquals("*", info.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode json = JSON.readTree(info.body());
        assertEquals(base + "/iiif/" + DOC + "/1", json.get("id").asString());
        assertEquals("level1", json.get("profile").asString());
        // the service's own URI sends the client on to its description
        HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/iiif/" + DOC + "/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, redirect.statusCode());
        assertEquals(base + "/iiif/" + DOC + "/1/info.json", redirect.headers().firstValue("Location").orElse(""));
        // regions by px, by percent and square; sizes by width, height, percent, both and confined
        String page = "/iiif/" + DOC + "/1/";
        assertSize(page + "pct:10,10,20,20/max/0/default.jpg", 496, 702);
        assertSize(page + "square/max/0/default.jpg", 2480, 2480);
        assertSize(page + "full/,351/0/default.jpg", 248, 351);
        assertSize(page + "full/pct:25/0/default.jpg", 620, 877);
        assertSize(page + "full/300,200/0/default.jpg", 300, 200);
        assertSize(page + "full/!400,400/0/default.jpg", 283, 400);
        BufferedImage gray = ImageIO.read(new ByteArrayInputStream(get(page + "0,0,400,300/max/0/gray.jpg").body()));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, gray.getType());
    }

    private static void assertSize(String path, int w, int h) throws Exception {
        Response r = get(path);
        assertEquals(200, r.status(), path + " " + r.text());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(w, img.getWidth(), path);
        assertEquals(h, img.getHeight(), path);
    }

    @Test
    void theManifestIsServedWithItsIdsOnThisServerAndItsImagesOpen() throws Exception {
        Response r = get("/iiif/" + DOC + "/manifest");
        assertEquals(200, r.status(), r.text());
        assertTrue(r.type().startsWith("application/ld+json"), r.type());
        JsonNode m = r.json();
        assertEquals(base + "/iiif/" + DOC + "/manifest", m.get("id").asString());
        JsonNode canvas = m.get("items").get(1);
        String service = canvas.get("items").get(0).get("items").get(0).get("body").get("service").get(0).get("id").asString();
        assertEquals(base + "/iiif/" + DOC + "/2", service);
        assertEquals(200, get(service.substring(base.length()) + "/info.json").status());
        String pdf = m.get("rendering").get(0).get("id").asString();
        assertTrue(pdf.startsWith(base + "/exports/"), pdf);
        Response file = get(pdf.substring(base.length()));
        assertEquals(200, file.status());
        assertEquals("application/pdf", file.type());
        assertTrue(file.text().startsWith("%PDF"));
    }

    @Test
    void theExportsAreDownloadsAndNothingElseIs() throws Exception {
        for (String f : List.of("mets.xml", "manifest.json", "articles.json", DOC + ".pdf", "alto/0001.xml", "text/a001.txt")) {
            Response r = get("/exports/" + DOC + "/" + f);
            assertEquals(200, r.status(), f + " " + r.text());
            assertTrue(r.body().length > 100, f);
        }
        assertTrue(get("/exports/" + DOC + "/mets.xml").text().contains("http://www.loc.gov/METS/"));
        for (String f : List.of("other.pdf", "alto/1.xml", "db/inkstone.script", "text/a001.xml", "logs/inkstone.log")) {
            assertEquals(404, get("/exports/" + DOC + "/" + f).status(), f);
        }
        // a hidden folder step is refused before it reaches the exports
        assertEquals(400, get("/exports/" + DOC + "/%2e%2e/db/inkstone.script").status());
        assertEquals(404, get("/exports/nope/mets.xml").status());
    }

    @Test
    void contentSearchFindsAPhraseOnItsTruthLineInBothVersions() throws Exception {
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        Response r = get("/iiif/" + DOC + "/search?q=" + enc(p.text()));
        assertEquals(200, r.status(), r.text());
        JsonNode page = r.json();
        assertEquals("AnnotationPage", page.get("type").asString());
        assertTrue(page.get("items").size() >= 1, r.text());
        JsonNode line = page.get("items").get(0);
        JsonNode target = line.get("target");
        assertEquals(base + "/iiif/" + DOC + "/canvas/" + p.line().page(), target.get("source").get("id").asString());
        String[] xywh = target.get("selector").get("value").asString().substring(5).split(",");
        int x = Integer.parseInt(xywh[0]), y = Integer.parseInt(xywh[1]);
        int[] box = {x, y, x + Integer.parseInt(xywh[2]), y + Integer.parseInt(xywh[3])};
        assertTrue(SampleRun.sitsOn(box, p.line().bbox()), java.util.Arrays.toString(box) + " on " + p.line());
        JsonNode match = page.get("annotations").get(0).get("items").get(0);
        assertEquals(line.get("id").asString(), match.get("target").get("source").asString());
        JsonNode quote = match.get("target").get("selector").get(0);
        assertEquals(p.text(), quote.get("exact").asString());
        assertTrue(line.get("body").get("value").asString().contains(p.text()));
        // the same in Content Search 1.0
        JsonNode list = get("/iiif/" + DOC + "/search1?q=" + enc(p.text())).json();
        assertEquals("sc:AnnotationList", list.get("@type").asString());
        assertEquals(base + "/iiif/" + DOC + "/canvas/" + p.line().page() + "#" + target.get("selector").get("value").asString(),
                list.get("resources").get(0).get("on").asString());
        assertEquals(p.text(), list.get("hits").get(0).get("match").asString());
        // nothing found is an empty page; no query is a bad request
        assertEquals(0, get("/iiif/" + DOC + "/search?q=" + enc("鲸鱼飞艇")).json().get("items").size());
        assertEquals(400, get("/iiif/" + DOC + "/search?q=").status());
        assertEquals(404, get("/iiif/nope/search?q=" + enc(p.text())).status());
    }

    /** The gray level at a pixel: the sample itself for a gray image (getRGB would gamma-encode it). */
    private static int level(BufferedImage img, int x, int y) {
        return img.getType() == BufferedImage.TYPE_BYTE_GRAY ? img.getRaster().getSample(x, y, 0) : gray(img.getRGB(x, y));
    }

    private static int gray(int rgb) {
        return (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / 3;
    }

    @Test
    void badRequestsGet400WithAMessage() throws Exception {
        List<String> bad = List.of(
                "/api/search",
                "/api/search?q=",
                "/api/search?q=" + enc("江城("),
                "/api/search?q=" + enc("title:"),
                "/api/search?q=" + enc("，。"),
                "/api/search?q=" + "江".repeat(201),
                "/api/search?q=" + enc("江城") + "&from=2025-13-01",
                "/api/search?q=" + enc("江城") + "&page=abc",
                "/api/search?q=" + enc("江城") + "&page=0",
                "/api/search?q=" + enc("江城") + "&limit=0",
                "/api/search?q=" + enc("江城") + "&limit=101",
                "/api/articles/" + DOC + "/a001?q=" + enc("江城("),
                "/iiif/" + DOC + "/1/full2/max/0/default.jpg",
                "/iiif/" + DOC + "/1/0,0,0,10/max/0/default.jpg",
                "/iiif/" + DOC + "/1/10,10,abc,10/max/0/default.jpg",
                "/iiif/" + DOC + "/1/5000,0,10,10/max/0/default.jpg",
                "/iiif/" + DOC + "/1/0,0,400,300/3000,/0/default.jpg",
                "/iiif/" + DOC + "/1/full/abc/0/default.jpg",
                "/iiif/" + DOC + "/1/full/max/90/default.jpg",
                "/iiif/" + DOC + "/1/full/max/0/default.png",
                "/iiif/" + DOC + "/1/full/max/0/bitonal.jpg",
                "/iiif/" + DOC + "/1/full/%5Emax/0/default.jpg",
                "/iiif/" + DOC + "/1/full/pct:0/0/default.jpg",
                "/iiif/" + DOC + "/1/full/pct:150/0/default.jpg",
                "/iiif/" + DOC + "/1/pct:10,10,x,20/max/0/default.jpg",
                "/iiif/" + DOC + "/1/0,0,400,300/400,301/0/default.jpg",
                "/iiif/" + DOC + "/x/full/max/0/default.jpg");
        for (String path : bad) {
            Response r = get(path.replace("江", enc("江")));
            assertEquals(400, r.status(), path + " " + r.text());
            assertTrue(r.type().startsWith("application/json"), path + " " + r.type());
            String message = r.json().get("message").asString();
            assertFalse(message.isBlank(), path);
            assertFalse(r.text().contains("Exception") || r.text().contains("\tat ") || r.text().contains("trace"), r.text());
        }
    }

    @Test
    void unknownThingsGet404() throws Exception {
        for (String path : List.of("/api/articles/" + DOC + "/a999", "/api/articles/nope/a001", "/api/documents/nope",
                "/iiif/nope/1/full/max/0/default.jpg", "/iiif/" + DOC + "/9/full/max/0/default.jpg",
                "/iiif/" + DOC + "/9/info.json", "/api/nothing")) {
            Response r = get(path);
            assertEquals(404, r.status(), path + " " + r.text());
            assertFalse(r.json().get("message").asString().isBlank(), path);
        }
    }

    @Test
    void otherRequestErrorsKeepTheirStatusAndAnswerJson() throws Exception {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=x"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertFalse(JSON.readTree(post.body()).get("message").asString().isBlank());
        HttpResponse<String> image = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/iiif/" + DOC + "/1/full2/max/0/default.jpg"))
                .header("Accept", "image/jpeg").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, image.statusCode(), "an image client also learns why");
    }

    @Test
    void servesTheReadingRoomPage() throws Exception {
        Response page = get("/");
        assertEquals(200, page.status());
        assertTrue(page.text().contains("id=\"search-form\""), page.text());
        assertEquals(200, get("/app.js").status());
        assertEquals(200, get("/style.css").status());
    }

    private static int[] box(JsonNode a) {
        return new int[] {a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt(), a.get(3).asInt()};
    }
}
