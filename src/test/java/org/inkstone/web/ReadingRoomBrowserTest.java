package org.inkstone.web;

import org.inkstone.RequiresBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkstone.TextMetrics;
import org.inkstone.search.SampleRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The reading room in a real browser: Debian's headless {@code chromium} driven through
 * {@code /usr/bin/chromedriver} (package {@code chromium-driver}; Selenium never downloads a
 * driver here) against the real application serving the real job's output on the sample
 * issue. A phrase from the sample's truth is searched, its article opened, and the outlines
 * drawn on the displayed page scan are measured in the browser and compared with the truth
 * boxes scaled to the displayed image.
 */
@RequiresBrowser
class ReadingRoomBrowserTest {

    @TempDir
    static Path profile;
    static ConfigurableApplicationContext app;
    static String base;
    static WebDriver browser;
    static JsonNode truth;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(Chromium.BINARY)) && Files.isExecutable(Path.of(Chromium.DRIVER)),
                "install Debian's chromium and chromium-driver (./inkstone test does)");
        truth = SampleRun.truth();
        app = ReadingRoom.start(SampleRun.output(), 0);
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        browser = Chromium.start(profile.resolve("chromium"));
    }

    @AfterAll
    static void stop() {
        Chromium.stop(browser, app);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> js(String script, Object... args) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Box of an element on the page scan, converted to page px by the displayed image's own scale. */
    private static double[] onPage(WebElement box, int pageWidth, int pageHeight) {
        Map<String, Object> r = js("const i = document.getElementById('page-image').getBoundingClientRect();"
                + "const b = arguments[0].getBoundingClientRect();"
                + "return {ix: i.left, iy: i.top, iw: i.width, ih: i.height, x0: b.left, y0: b.top, x1: b.right, y1: b.bottom};", box);
        double ix = num(r, "ix"), iy = num(r, "iy"), sx = num(r, "iw") / pageWidth, sy = num(r, "ih") / pageHeight;
        assertEquals(sx, sy, 0.01 * sx, "the scan keeps its aspect ratio");
        return new double[] {(num(r, "x0") - ix) / sx, (num(r, "y0") - iy) / sy, (num(r, "x1") - ix) / sx, (num(r, "y1") - iy) / sy};
    }

    private static double num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    private static void waitForScan(int page) {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('page-image');"
                        + "return i.complete && i.naturalWidth > 0 && i.dataset.page === arguments[0];", String.valueOf(page))));
    }

    private static JsonNode truthPage(int page) {
        return truth.get("pages").get(page - 1);
    }

    private static double[] box(JsonNode a) {
        return new double[] {a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble(), a.get(3).asDouble()};
    }

    @Test
    void searchOpenTheArticleAndSeeTheHitLinesOnTheScan() throws Exception {
        // a phrase of the article continued from page 1 to page 3, read on page 1
        JsonNode jumped = null;
        for (JsonNode a : SampleRun.export().get("articles")) {
            if (a.get("continued").size() > 0) {
                jumped = a;
            }
        }
        String id = jumped.get("id").asString();
        SampleRun.Phrase phrase = SampleRun.phrases(6).stream()
                .filter(p -> p.article().equals(id) && p.line().page() == 1).findFirst().orElseThrow();

        browser.get(base + "/");
        WebElement q = waiting().until(d -> d.findElement(By.id("q")));
        q.sendKeys(phrase.text());
        browser.findElement(By.id("go")).click();
        WebElement first = waiting().until(d -> d.findElements(By.cssSelector("#hits li")).stream().findFirst().orElse(null));
        assertEquals(id, first.getDomAttribute("data-id"));
        assertEquals(phrase.text(), first.findElement(By.cssSelector(".snippet mark")).getText());
        assertTrue(browser.findElement(By.id("status")).getText().startsWith("1 article for"), browser.findElement(By.id("status")).getText());
        first.click();

        waitForScan(1);
        List<WebElement> hits = waiting().until(d -> {
            List<WebElement> l = d.findElements(By.cssSelector("#overlay .box.hit"));
            return l.isEmpty() ? null : l;
        });
        int w = truthPage(1).get("width").asInt(), h = truthPage(1).get("height").asInt();
        // every outlined hit line sits on the truth line holding the phrase, nowhere else
        for (WebElement hit : hits) {
            double[] b = onPage(hit, w, h);
            assertTrue(SampleRun.sitsOn(b, box(truthLine(phrase))), "hit outline " + java.util.Arrays.toString(b)
                    + " on truth line " + phrase.line().text() + " " + java.util.Arrays.toString(phrase.line().bbox()));
        }
        // the fragments are outlined too, one on this page
        assertEquals(1, browser.findElements(By.cssSelector("#overlay .box.fragment")).size());
        // the clean text beside the scan marks the phrase
        List<String> marked = browser.findElements(By.cssSelector("#article-text mark")).stream().map(WebElement::getText).toList();
        assertEquals(phrase.text(), String.join("", marked));
        assertEquals(jumped.get("title").asString(), browser.findElement(By.id("article-title")).getText());

        // click a line of the text on page 1: its place on the scan is outlined
        clickLineAndCheck(1, 5);
        // and a line of the continuation on page 3: the scan turns to page 3
        clickLineAndCheck(3, 2);
        assertEquals("true", browser.findElement(By.cssSelector("#page-tabs button[data-page='3']")).getDomAttribute("aria-selected"));
    }

    @Test
    void browseFromTheFrontPageToAnIssueAPageAndAnArticleWithItsCitationPermalinkAndBackButton() throws Exception {
        JsonNode export = SampleRun.export();
        browser.get(base + "/");
        // the front page lists the newspaper and its issue by date
        WebElement issue = waiting().until(d -> d.findElements(By.cssSelector("#browse a")).stream().findFirst().orElse(null));
        String front = browser.findElement(By.id("browse")).getText();
        assertTrue(front.contains("2025-06-03"), front);
        String newspaper = export.get("document").get("newspaper").asString();
        assertTrue(front.contains(newspaper), "the newspaper's name on the front page: " + front);
        screenshot("front");
        issue.click();

        // the issue: a thumbnail per page, every article listed, its downloads
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const t = [...document.querySelectorAll('#thumbs img')];"
                        + "return t.length === 3 && t.every(i => i.complete && i.naturalWidth > 0);")));
        assertEquals(export.get("articles").size(), browser.findElements(By.cssSelector("#issue-articles li")).size());
        assertTrue(browser.findElement(By.id("issue-downloads")).getText().contains("METS"));
        assertTrue(browser.getCurrentUrl().contains("#doc=" + SampleRun.NAME), browser.getCurrentUrl());
        screenshot("issue");

        // a page at a size its body type can be read at
        browser.findElements(By.cssSelector("#thumbs a")).get(0).click();
        waitForScan(1);
        int w = truthPage(1).get("width").asInt();
        double shown = ((Number) js("return {w: document.getElementById('page-image').getBoundingClientRect().width};").get("w")).doubleValue();
        double body = SampleRun.truthBodyLineHeight(1);
        assertTrue(body * shown / w >= 14, "body type shown " + body * shown / w + " px high");
        List<WebElement> onPage = waiting().until(d -> {
            List<WebElement> l = d.findElements(By.cssSelector("#page-articles a"));
            return l.isEmpty() ? null : l;
        });
        screenshot("page");

        // an article of the page: its citation with newspaper, date, page and permalink
        String title = onPage.get(0).getText();
        onPage.get(0).click();
        waiting().until(d -> title.equals(d.findElement(By.id("article-title")).getText()));
        waitForScan(1);
        String citation = browser.findElement(By.id("citation")).getText();
        assertTrue(citation.contains(newspaper) && citation.contains("2025-06-03") && citation.contains("第"), citation);
        String permalink = browser.findElement(By.cssSelector("#citation a.permalink")).getDomAttribute("href");
        assertTrue(citation.contains(permalink), citation);
        // its text downloads
        String text = browser.findElements(By.cssSelector("#article-downloads a")).get(0).getDomAttribute("href");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", text);
        assertEquals(200L, ((Number) status).longValue());
        screenshot("article");

        // Back returns to the page, Back again to the issue
        browser.navigate().back();
        waiting().until(d -> d.findElement(By.id("page-articles")).isDisplayed());
        browser.navigate().back();
        waiting().until(d -> !d.findElement(By.id("article")).isDisplayed() && d.findElement(By.id("issue")).isDisplayed());
        // the permalink pasted into the open tab opens the article
        browser.get(permalink);
        waiting().until(d -> title.equals(d.findElement(By.id("article-title")).getText()));
        assertTrue(browser.findElement(By.id("article")).isDisplayed());
    }

    @Test
    void theIssuesManifestOpensInMiradorServedHere() throws Exception {
        // the launcher installs the viewer for the tests (READING_ROOM_VIEWER)
        String dir = System.getenv().getOrDefault("READING_ROOM_VIEWER",
                System.getProperty("user.home") + "/.local/share/inkstone/viewer");
        assertTrue(dir != null && Files.isRegularFile(Path.of(dir, "mirador.min.js")),
                "the IIIF viewer is installed by ./inkstone test (./inkstone setup test): " + dir);
        String manifest = "/iiif/" + SampleRun.NAME + "/manifest";
        browser.get(base + "/viewer/?manifest=" + java.net.URLEncoder.encode(manifest, java.nio.charset.StandardCharsets.UTF_8));
        // Mirador shows the manifest's label and draws the first canvas from the IIIF image service
        String label = SampleRun.export().get("document").get("newspaper").asString();
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains(label));
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('/iiif/' + arguments[0] + '/1/')"
                        + " && e.name.endsWith('.jpg'));", SampleRun.NAME)));
        Object canvas = ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('.openseadragon-canvas canvas'); return c ? c.width * c.height : 0;");
        assertTrue(((Number) canvas).longValue() > 0, "the image viewer's canvas is drawn");
        List<String> info = ((List<?>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('info.json'));"))
                .stream().map(String::valueOf).toList();
        assertTrue(info.contains(base + "/iiif/" + SampleRun.NAME + "/1/info.json"), info.toString());
        screenshot("mirador");
        // its search panel asks the issue's Content Search service and lists the hit
        SampleRun.Phrase phrase = SampleRun.phrases(6).get(0);
        WebElement terms = waiting().until(d -> d.findElements(By.tagName("input")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        terms.sendKeys(phrase.text(), org.openqa.selenium.Keys.ENTER);
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('/search1?q='));")));
        waiting().until(d -> d.findElements(By.cssSelector("mark, .MuiListItem-root")).stream()
                .anyMatch(e -> e.getText().contains(phrase.text())));
        screenshot("mirador-search");
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME.png}, to be looked at. */
    private static void screenshot(String name) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    private JsonNode truthLine(SampleRun.Phrase p) {
        for (JsonNode l : truthPage(p.line().page()).get("lines")) {
            if (l.get("text").asString().equals(p.line().text())) {
                return l.get("bbox");
            }
        }
        throw new AssertionError(p.toString());
    }

    /**
     * Clicks the {@code nth} text line (counted from 0) read from {@code page} whose text is
     * close to one truth body line, and checks that the selected outline sits on that line.
     */
    private void clickLineAndCheck(int page, int nth) {
        List<WebElement> spans = browser.findElements(By.cssSelector("#article-text span.line[data-page='" + page + "']"));
        List<WebElement> candidates = new ArrayList<>();
        List<JsonNode> lines = new ArrayList<>();
        for (WebElement s : spans) {
            String text = s.getText();
            if (text.codePointCount(0, text.length()) < 6) {
                continue;
            }
            JsonNode best = null;
            double bestCer = 1;
            for (JsonNode l : truthPage(page).get("lines")) {
                if (!l.get("region").asString().endsWith(":body")) {
                    continue;
                }
                double cer = TextMetrics.cer(List.of(l.get("text").asString()), List.of(text));
                if (cer < bestCer) {
                    bestCer = cer;
                    best = l;
                }
            }
            if (best != null && bestCer < 0.25) {
                candidates.add(s);
                lines.add(best);
            }
        }
        assertTrue(candidates.size() > nth, "lines of page " + page + " matched to the truth: " + candidates.size());
        WebElement span = candidates.get(nth);
        JsonNode line = lines.get(nth);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", span);
        span.click();
        waitForScan(page);
        WebElement selected = waiting().until(d -> d.findElements(By.cssSelector("#overlay .box.selected")).stream()
                .findFirst().orElse(null));
        assertTrue(span.getDomAttribute("class").contains("active"));
        double[] b = onPage(selected, truthPage(page).get("width").asInt(), truthPage(page).get("height").asInt());
        assertTrue(SampleRun.sitsOn(b, box(line.get("bbox"))), "clicked '" + span.getText() + "': outline "
                + java.util.Arrays.toString(b) + " on truth line " + line);
        assertFalse(browser.findElements(By.cssSelector("#overlay .box.selected")).size() > 1);
    }
}
