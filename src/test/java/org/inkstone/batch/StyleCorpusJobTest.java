package org.inkstone.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.RequiresTesseract;
import org.inkstone.TextMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The newspaper conventions of the style corpus ({@code src/test/resources/corpus/styles},
 * drawn by {@link org.inkstone.fixture.StyleCorpus}) come through the whole job, real Tesseract
 * and all: title parts, a body running above and below a photo, a caption without credit, a
 * jump with the headline repeated over its continuation, a framed panel, briefs under their
 * label, a notice, reversed headlines, text wrapped around a portrait, and a continuation with no
 * repeated headline at 200 dpi.
 */
@RequiresTesseract
class StyleCorpusJobTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus/styles");

    @TempDir
    static Path work;
    static JsonNode evening, eveningTruth, daily, dailyTruth;

    @BeforeAll
    static void digitize() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        for (String issue : List.of("issue-2025-09-16", "issue-2025-10-08")) {
            Files.copy(CORPUS.resolve(issue).resolve("scan.pdf"), scans.resolve(issue + ".pdf"));
        }
        Path output = work.resolve("output");
        JobTestSupport.Run run = JobTestSupport.run(scans, output, "--workers", "2");
        assertEquals(0, run.exitCode(), run.err());
        evening = JobTestSupport.readJson(output.resolve("issue-2025-09-16/articles.json"));
        eveningTruth = JobTestSupport.readJson(CORPUS.resolve("issue-2025-09-16/truth.json"));
        daily = JobTestSupport.readJson(output.resolve("issue-2025-10-08/articles.json"));
        dailyTruth = JobTestSupport.readJson(CORPUS.resolve("issue-2025-10-08/truth.json"));
    }

    /** The export article whose text is nearest the truth article's. */
    private static JsonNode match(JsonNode export, JsonNode truth, String id) {
        JsonNode t = article(truth, id);
        JsonNode best = null;
        double bestCer = 2;
        for (JsonNode a : export.get("articles")) {
            double cer = TextMetrics.cer(List.of(t.get("text").asString()), List.of(a.get("text").asString()));
            if (cer < bestCer) {
                best = a;
                bestCer = cer;
            }
        }
        return best;
    }

    private static JsonNode article(JsonNode truth, String id) {
        for (JsonNode a : truth.get("articles")) {
            if (a.get("id").asString().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no truth article " + id);
    }

    private static double cer(String truth, String got) {
        return TextMetrics.cer(List.of(truth), List.of(got));
    }

    private static List<Integer> pages(JsonNode article) {
        List<Integer> out = new ArrayList<>();
        article.get("fragments").forEach(f -> out.add(f.get("page").asInt()));
        return out;
    }

    @Test
    void theLeadComesBackWithItsTitlePartsInReadingOrderAroundThePhotoAndAcrossTheJump() {
        JsonNode t = article(eveningTruth, "b1");
        JsonNode a = match(evening, eveningTruth, "b1");
        assertTrue(cer(t.get("text").asString(), a.get("text").asString()) < 0.05, a.get("text").asString());
        assertEquals(List.of(1, 2), pages(a));
        assertEquals(2, a.get("continued").get(0).get("to_page").asInt());
        assertTrue(cer("城南新校区迎来首批学生", a.get("headline").asString()) < 0.2, a.toString());
        assertTrue(cer("秋季学期开学首日", a.get("kicker").asString()) < 0.3, a.toString());
        assertTrue(cer("可容纳两千四百名学生配套公交线路同步开通", a.get("subtitle").asString()) < 0.3, a.toString());
        assertTrue(a.get("byline").asString().contains("周雨桐"), a.get("byline").asString());
        // the caption is no body text, and the label over the lead is no title
        for (JsonNode x : evening.get("articles")) {
            assertFalse(TextMetrics.norm(x.get("text").asString()).contains("家长们在看台上观看"), x.toString());
            assertFalse(x.get("title").asString().contains("今日关注"), x.toString());
        }
    }

    @Test
    void thePanelTheBriefsAndTheNoticeAreItemsOfTheirOwn() {
        for (String id : List.of("b2", "b3", "b4", "b5", "b7")) {
            JsonNode t = article(eveningTruth, id);
            JsonNode a = match(evening, eveningTruth, id);
            assertTrue(cer(t.get("text").asString(), a.get("text").asString()) < 0.15, id + ": " + a);
            assertTrue(cer(t.get("title").asString(), a.get("title").asString()) < 0.3, id + ": " + a);
        }
        assertEquals("notice", match(evening, eveningTruth, "b7").get("kind").asString());
        for (JsonNode x : evening.get("articles")) {
            assertFalse(x.get("title").asString().startsWith("简讯"), x.toString());
        }
    }

    @Test
    void aContinuationWithoutRepeatedHeadlineAndAPhotoAboveItsTextAt200Dpi() {
        JsonNode t = article(dailyTruth, "c1");
        JsonNode a = match(daily, dailyTruth, "c1");
        assertEquals(List.of(1, 2), pages(a));
        // line finding at 200 dpi still cuts a few lines of the first page at its narrow gutters
        assertTrue(cer(t.get("text").asString(), a.get("text").asString()) < 0.25, a.get("text").asString());
        assertTrue(a.get("text").asString().endsWith("明年准备再扩种两百亩蔬菜。"), "the continuation closes it");
        // a line cut where blanks between characters line up down a few lines is read whole, in its place
        assertTrue(a.get("text").asString().contains("四千六百万立方米"), a.get("text").asString());
        JsonNode c4 = match(daily, dailyTruth, "c4");
        assertTrue(cer(article(dailyTruth, "c4").get("text").asString(), c4.get("text").asString()) < 0.1, c4.toString());
        assertEquals("秋收时节稻香浓", c4.get("title").asString());
    }

    @Test
    void reversedHeadlinesOnABlackAndOnAGrayPanelTitleTheirArticles() {
        JsonNode feature = match(evening, eveningTruth, "b6");
        assertEquals("旧厂房变身文化街区", feature.get("title").asString(), feature.toString());
        assertTrue(cer(article(eveningTruth, "b6").get("text").asString(), feature.get("text").asString()) < 0.1,
                feature.toString());
        assertEquals("秋收时节稻香浓", match(daily, dailyTruth, "c4").get("headline").asString());
    }

    @Test
    void theFramedNoticeBesideAColumnRuleAndAWrappedHeadlineAt200Dpi() {
        JsonNode t = article(dailyTruth, "c5");
        JsonNode notice = match(daily, dailyTruth, "c5");
        assertEquals("notice", notice.get("kind").asString(), notice.toString());
        assertEquals("遗失声明", notice.get("title").asString(), notice.toString());
        assertTrue(cer(t.get("text").asString(), notice.get("text").asString()) < 0.15, notice.toString());
        // the continuation above the frame does not run on into it
        JsonNode lead = match(daily, dailyTruth, "c1");
        assertFalse(lead.get("text").asString().contains("公章"), lead.get("text").asString());
        // a headline too long for its column wraps its last character onto a line of its own
        JsonNode roads = match(daily, dailyTruth, "c2");
        assertEquals("山区公路完成改造", roads.get("title").asString());
        // its text wraps around a portrait: the short lines beside it run on into the full lines under it
        assertTrue(cer(article(dailyTruth, "c2").get("text").asString(), roads.get("text").asString()) < 0.1, roads.toString());
        assertTrue(TextMetrics.norm(roads.get("text").asString().split("\n")[0]).contains("五个山村的乡村公路日前完成改造"),
                roads.get("text").asString());
    }
}
