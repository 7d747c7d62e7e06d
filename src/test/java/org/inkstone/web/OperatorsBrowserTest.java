package org.inkstone.web;

import org.inkstone.RequiresBrowser;
import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.inkstone.fixture.SampleIssue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's dashboard and the review queue in a real browser (headless chromium) over a real
 * job: the reading room starts on an empty output folder; an operator logs in, starts a run of a
 * collection from the dashboard and watches its pages come in, stops it and restarts it, and the
 * run finishes with every page read once. A reviewer then corrects a line through the review
 * page; the correction shows in search, in the exports (ALTO, {@code articles.json}, the
 * searchable PDF's text) and in the highlight boxes, and the machine's reading is still there.
 * Changes without a login or with the wrong role are refused.
 */
@RequiresBrowser
@RequiresTesseract
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorsBrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String OPERATOR = "olga", REVIEWER = "rita", PASSWORD = "correct horse battery";

    @TempDir
    static Path work;
    static Path scans, output, shots;
    static ConfigurableApplicationContext app;
    static String base;
    static WebDriver browser;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        scans = Files.createDirectories(work.resolve("scans"));
        output = Files.createDirectories(work.resolve("output"));
        Files.copy(Path.of("scans", SampleIssue.PDF_NAME), scans.resolve(SampleIssue.PDF_NAME));
        Files.copy(Path.of("src/test/resources/corpus/styles/issue-2025-09-16/scan.pdf"), scans.resolve("issue-2025-09-16.pdf"));
        Files.copy(Path.of("src/test/resources/corpus/styles/issue-2025-10-08/scan.pdf"), scans.resolve("issue-2025-10-08.pdf"));
        // a collection of its own: one worker, so the run is slow enough to be stopped half-way
        Path jobs = Files.createDirectories(work.resolve("jobs"));
        Files.writeString(jobs.resolve("city-daily.properties"), Files.readString(Path.of("jobs/digitize.properties"))
                .replace("inkstone.workers=0", "inkstone.workers=1"));
        Path users = work.resolve("users.properties");
        for (String[] u : List.of(new String[] {OPERATOR, "operator"}, new String[] {REVIEWER, "reviewer"})) {
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertEquals(0, Users.run(new String[] {u[0], u[1], "--users", users.toString()},
                    new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)), out, System.err));
        }
        assertFalse(Files.readString(users).contains(PASSWORD), "passwords are stored hashed");
        app = ReadingRoom.start(output, 0, "--inkstone.serve.jobs=" + jobs, "--inkstone.serve.users=" + users);
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        shots = Files.createDirectories(Path.of("target", "screenshots"));
        browser = Chromium.start(work.resolve("chromium"));
    }

    @AfterAll
    static void stop() {
        Chromium.stop(browser, app);
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Waits for a condition of the page; on timeout fails with what the page and the runs said. */
    private static void until(String what, int seconds, java.util.function.Function<WebDriver, Boolean> condition)
            throws Exception {
        try {
            waiting(seconds).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("failed-" + what.replace(' ', '-'));
            StringBuilder said = new StringBuilder(what + " did not happen in " + seconds + " s; page "
                    + browser.getCurrentUrl() + " says: ");
            browser.findElements(By.id("message")).forEach(m -> said.append(m.getText()));
            rows().forEach((k, v) -> said.append("\n run ").append(k).append(": ").append(String.join(" ", v)));
            Path logs = output.resolve("logs");
            if (Files.isDirectory(logs)) {
                try (var files = Files.list(logs)) {
                    for (Path f : files.toList()) {
                        said.append("\n--- ").append(f.getFileName()).append("\n").append(Files.readString(f));
                    }
                }
            }
            throw new AssertionError(said.toString(), e);
        }
    }

    private static void shot(String name) throws Exception {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void login(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        waiting(20).until(d -> d.findElement(By.name("username"))).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(20).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The execution rows of the dashboard: id → [status, pages cell], read in one go (the table is redrawn every 2 s). */
    @SuppressWarnings("unchecked")
    private static Map<String, String[]> rows() {
        List<List<String>> read = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#executions tbody tr')].map(tr => "
                        + "[tr.dataset.execution, tr.cells[2].textContent, tr.cells[5].textContent])");
        Map<String, String[]> rows = new java.util.LinkedHashMap<>();
        for (List<String> r : read) {
            rows.put(r.get(0), new String[] {r.get(1), r.get(2)});
        }
        return rows;
    }

    private static JdbcTemplate db() {
        return app.getBean(JdbcTemplate.class);
    }

    @Test
    @Order(1)
    void anOperatorStartsStopsAndRestartsARunFromTheDashboard() throws Exception {
        browser.get(base + "/operator/");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "the dashboard asks for a login: " + browser.getCurrentUrl());
        login(OPERATOR);
        browser.get(base + "/operator/");
        until("collections listed", 20, d -> d.findElements(By.cssSelector("#collection option")).size() == 1);
        browser.findElement(By.id("scans")).clear();
        browser.findElement(By.id("scans")).sendKeys(scans.toString());
        browser.findElement(By.cssSelector("#start button")).click();
        // the run's pages come in while it runs
        until("pages coming in", 240, d -> rows().values().stream()
                .anyMatch(r -> r[0].equals("STARTED") && r[1].matches("(?s).*\\b[1-9] / 7.*")));
        shot("dashboard-running");
        String id = rows().keySet().iterator().next();
        browser.findElement(By.cssSelector("tr[data-execution='" + id + "'] button[data-action=stop]")).click();
        browser.switchTo().alert().accept();
        until("stopped", 240, d -> "STOPPED".equals(rows().get(id)[0]));
        int readBeforeStop = db().queryForObject("SELECT COUNT(*) FROM page WHERE status = 'DONE'", Integer.class);
        assertTrue(readBeforeStop < 7, "the run stopped before the end: " + readBeforeStop + " of 7 pages read");
        shot("dashboard-stopped");
        // the stopped run's process may still be finishing: the dashboard says so, and the operator tries again
        until("restart accepted", 120, d -> {
            try {
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('message').textContent = ''");
                d.findElement(By.cssSelector("tr[data-execution='" + id + "'] button[data-action=restart]")).click();
                return new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> {
                    String m = x.findElement(By.id("message")).getText();
                    return m.startsWith("restart") ? m : null;
                }).contains("run started");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false; // the table was redrawn under the click
            }
        });
        until("completed", 600, d -> rows().values().stream().anyMatch(r -> r[0].equals("COMPLETED") && r[1].contains("7 / 7")));
        shot("dashboard-completed");
        // every page read once: the OCR workers of both executions wrote 7 pages between them
        assertEquals(7, db().queryForObject("SELECT COUNT(*) FROM page WHERE status = 'DONE'", Integer.class));
        assertEquals(7L, db().queryForObject("SELECT SUM(WRITE_COUNT) FROM BATCH_STEP_EXECUTION "
                + "WHERE STEP_NAME LIKE 'ocrWorker%'", Long.class), "no page was read twice or left out");
        assertEquals(0, db().queryForObject("SELECT COUNT(*) FROM (SELECT page_id, seq FROM text_line "
                + "GROUP BY page_id, seq HAVING COUNT(*) > 1) t", Integer.class), "no line is stored twice");
        assertTrue(Files.isRegularFile(output.resolve("sample-issue-2025-06-03").resolve("articles.json")));
    }

    private static HttpResponse<String> post(String path, String json, String cookie, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (token != null) {
            r.header("X-XSRF-TOKEN", token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(2)
    void changesWithoutALoginOrWithTheWrongRoleAreRefused() throws Exception {
        long line = db().queryForObject("SELECT MIN(id) FROM text_line", Long.class);
        // no login and no CSRF token: refused before anything else
        assertEquals(403, post("/api/review/lines/" + line, "{\"text\":\"改\"}", null, null).statusCode());
        // a CSRF token but no login: asked to log in
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).build(),
                HttpResponse.BodyHandlers.ofString());
        String anonymous = session.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        assertEquals(401, post("/api/review/lines/" + line, "{\"text\":\"改\"}", "XSRF-TOKEN=" + anonymous, anonymous).statusCode());
        assertEquals(401, post("/api/operator/runs", "{\"collection\":\"city-daily\",\"scans\":\"" + scans + "\"}",
                "XSRF-TOKEN=" + anonymous, anonymous).statusCode());
        // the reviewer's own session: no CSRF token, then the wrong role
        login(REVIEWER);
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        assertEquals(403, post("/api/review/lines/" + line, "{\"text\":\"改\"}", cookies, null).statusCode(), "no CSRF token");
        browser.get(base + "/api/session");
        String token = browser.manage().getCookieNamed("XSRF-TOKEN").getValue();
        cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        assertEquals(403, post("/api/operator/executions/0/restart", "{}", cookies, token).statusCode(), "a reviewer is no operator");
        assertEquals(0, db().queryForObject("SELECT COUNT(*) FROM line_correction", Integer.class));
    }

    @Test
    @Order(3)
    void aReviewerCorrectsALineAndSearchExportsAndHighlightsFollow() throws Exception {
        login(REVIEWER);
        browser.get(base + "/review/");
        waiting(20).until(d -> !d.findElements(By.cssSelector("#pages tbody tr")).isEmpty());
        shot("review-queue");
        // the sample's page 1: a body line of the lead article
        long pageId = db().queryForObject("SELECT p.id FROM page p JOIN document d ON d.id = p.document_id "
                + "WHERE d.export_name = 'sample-issue-2025-06-03' AND p.page_no = 1", Long.class);
        Map<String, Object> line = db().queryForMap("SELECT l.id, l.text, l.x0, l.y0, l.x1, l.y1 FROM text_line l "
                + "JOIN fragment_line fl ON fl.line_id = l.id WHERE l.page_id = ? AND fl.role = 'body' "
                + "AND CHAR_LENGTH(l.text) >= 8 ORDER BY l.seq LIMIT 1", pageId);
        long lineId = ((Number) line.get("ID")).longValue();
        String machine = (String) line.get("TEXT");
        String corrected = "鑫" + machine.substring(1);
        browser.findElement(By.cssSelector("#pages tbody tr[data-page='" + pageId + "']")).click();
        WebElement row = waiting(20).until(d -> d.findElement(By.cssSelector(".line[data-line='" + lineId + "']")));
        WebElement crop = row.findElement(By.tagName("img"));
        waiting(20).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", crop)));
        WebElement input = row.findElement(By.cssSelector("input[type=text]"));
        assertEquals(machine, input.getDomProperty("value"));
        input.clear();
        input.sendKeys(corrected);
        row.findElement(By.cssSelector("button[type=submit]")).click();
        waiting(60).until(d -> d.findElement(By.id("message")).getText().contains("corrected"));
        shot("review-corrected");
        assertTrue(row.findElement(By.cssSelector(".was")).getText().contains("exports written"),
                row.findElement(By.cssSelector(".was")).getText());

        // stored as a version by the reviewer; the machine's reading is still there
        browser.get(base + "/api/review/lines/" + lineId + "/versions");
        JsonNode versions = JSON.readTree(browser.findElement(By.tagName("pre")).getText());
        assertEquals(2, versions.size());
        assertEquals(machine, versions.get(0).get("text").asString());
        assertEquals(corrected, versions.get(1).get("text").asString());
        assertEquals(REVIEWER, versions.get(1).get("author").asString());
        assertEquals(machine, db().queryForObject("SELECT text FROM text_line WHERE id = ?", String.class, lineId));

        // search finds the corrected text, and its highlight box is the line's box
        String q = corrected.substring(0, 4);
        JsonNode hits = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q="
                + java.net.URLEncoder.encode("\"" + q + "\"", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(1, hits.get("total").asInt(), hits.toString());
        JsonNode hit = hits.get("hits").get(0);
        assertTrue(hit.get("snippet").asString().contains(q), hit.toString());
        boolean boxed = false;
        for (JsonNode b : hit.get("boxes")) {
            boxed |= b.get("page").asInt() == 1 && b.get("bbox").get(0).asInt() <= ((Number) line.get("X0")).intValue() + 2
                    && b.get("bbox").get(2).asInt() >= ((Number) line.get("X0")).intValue()
                    && Math.abs(b.get("bbox").get(1).asInt() - ((Number) line.get("Y0")).intValue()) <= 2;
        }
        assertTrue(boxed, "a highlight box lands on the corrected line: " + hit.get("boxes"));

        // the exports carry it
        Path folder = output.resolve("sample-issue-2025-06-03");
        assertTrue(Files.readString(folder.resolve("articles.json")).contains(corrected));
        String alto = Files.readString(folder.resolve("alto").resolve("0001.xml"));
        assertTrue(alto.contains("CONTENT=\"鑫\""), "the ALTO page has the corrected character");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("sample-issue-2025-06-03.pdf").toFile())) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            assertTrue(text.getText(pdf).contains("鑫"), "the searchable PDF's text layer has the correction");
        }
        assertNotNull(db().queryForObject("SELECT review_state FROM page WHERE id = ?", String.class, pageId));
        assertEquals("IN_REVIEW", db().queryForObject("SELECT review_state FROM page WHERE id = ?", String.class, pageId));
    }

    /** The pages of each article of the sample issue's {@code articles.json}, in order. */
    private static List<List<Integer>> articlePages() throws Exception {
        JsonNode doc = JSON.readTree(Files.readString(output.resolve("sample-issue-2025-06-03").resolve("articles.json")));
        List<List<Integer>> out = new java.util.ArrayList<>();
        for (JsonNode a : doc.get("articles")) {
            List<Integer> pages = new java.util.ArrayList<>();
            a.get("fragments").forEach(f -> pages.add(f.get("page").asInt()));
            out.add(pages);
        }
        return out;
    }

    @Test
    @Order(4)
    void aReviewerUnlinksAJumpAndLinksItAgain() throws Exception {
        login(REVIEWER);
        long pageId = db().queryForObject("SELECT p.id FROM page p JOIN document d ON d.id = p.document_id "
                + "WHERE d.export_name = 'sample-issue-2025-06-03' AND p.page_no = 1", Long.class);
        List<List<Integer>> machine = articlePages();
        assertTrue(machine.contains(List.of(1, 3)), "the sample's jumped article: " + machine);
        browser.get(base + "/review/#page=" + pageId);
        // the jumped article: its fragment on page 1 and its continuation on page 3
        WebElement jumped = waiting(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".article")).stream()
                .filter(a -> a.findElements(By.cssSelector("form.fragment[data-fragment^='3:']")).size() == 1).findFirst().orElse(null));
        String front = jumped.findElement(By.cssSelector("form.fragment[data-fragment^='1:']")).getDomAttribute("data-fragment");
        String cont = jumped.findElement(By.cssSelector("form.fragment[data-fragment^='3:']")).getDomAttribute("data-fragment");
        edit(cont, "UNLINK", null);
        waiting(60).until(d -> d.findElement(By.id("message")).getText().contains("now " + (machine.size() + 1)));
        shot("review-unlinked");
        List<List<Integer>> split = articlePages();
        assertEquals(machine.size() + 1, split.size(), split.toString());
        assertFalse(split.contains(List.of(1, 3)), split.toString());
        assertEquals(List.of("UNLINK " + cont + " " + REVIEWER), db().queryForList(
                "SELECT op || ' ' || fragment || ' ' || author FROM structure_edit", String.class));
        // linked again, from page 3, after the page 1 fragment it came from: the articles are the machine's
        long page3 = db().queryForObject("SELECT p.id FROM page p JOIN document d ON d.id = p.document_id "
                + "WHERE d.export_name = 'sample-issue-2025-06-03' AND p.page_no = 3", Long.class);
        browser.get(base + "/review/#page=" + page3);
        edit(cont, "LINK", front);
        waiting(60).until(d -> d.findElement(By.id("message")).getText().contains("now " + machine.size()));
        assertEquals(machine, articlePages());
        assertEquals(2, db().queryForObject("SELECT COUNT(*) FROM structure_edit", Integer.class));
    }

    /** Applies a structure edit to a fragment through the review page's form (drawn again as the page loads). */
    private static void edit(String fragment, String op, String target) {
        waiting(20).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement form = d.findElements(By.cssSelector("form.fragment")).stream()
                    .filter(f -> fragment.equals(f.getDomAttribute("data-fragment"))).findFirst().orElse(null);
            if (form == null) {
                return false;
            }
            new org.openqa.selenium.support.ui.Select(form.findElement(By.cssSelector("select[aria-label=edit]"))).selectByValue(op);
            if (target != null) {
                new org.openqa.selenium.support.ui.Select(form.findElement(By.cssSelector("select[aria-label='target fragment']")))
                        .selectByValue(target);
            }
            form.findElement(By.cssSelector("button[type=submit]")).click();
            return true;
        });
    }
}
