package org.inkstone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkstone.InkstoneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkstone search} on the index of the real job's sample output: what it prints and its exit codes. */
class SearchCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result search(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = SearchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTitleDatePageAndMarkedSnippet() throws Exception {
        String output = SampleRun.output().toString();
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        Result r = search(p.text(), "--output", output);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1 article for " + p.text()), r.out());
        assertTrue(r.out().contains("2025-06-03  page " + p.line().page() + "  " + p.article()), r.out());
        assertTrue(r.out().contains("«" + p.text() + "»"), r.out());
        String title = SampleRun.export().get("articles").get(Integer.parseInt(p.article().replaceAll(".*/a", "")) - 1)
                .get("title").asString();
        assertTrue(r.out().contains("1. " + title), r.out());
    }

    @Test
    void filtersAndNoHitsStillExitZero() throws Exception {
        String output = SampleRun.output().toString();
        SampleRun.Phrase p = SampleRun.phrases(6).get(0);
        Result none = search(p.text(), "--from", "2025-06-04", "--output", output);
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().startsWith("0 articles for "), none.out());
        Result page = search(p.text(), "--page", String.valueOf(p.line().page()), "--to", "2025-06", "--output", output);
        assertEquals(0, page.code());
        assertTrue(page.out().startsWith("1 article"), page.out());
        Result many = search("江城", "--limit", "2", "--output", output);
        assertEquals(0, many.code());
        assertTrue(many.out().contains("\n2. ") && !many.out().contains("\n3. "), many.out());
    }

    @Test
    void usageErrorsAndBadQueriesExit64WithAReason(@TempDir Path empty) throws Exception {
        String output = SampleRun.output().toString();
        List<Result> usage = new ArrayList<>();
        usage.add(search("--output", output));
        usage.add(search("江城", "--page", "two", "--output", output));
        usage.add(search("江城", "--bogus", "--output", output));
        usage.add(search("江城", "--from"));
        usage.add(search("江城", "株洲", "--output", output));
        for (Result r : usage) {
            assertEquals(64, r.code(), r.toString());
            assertTrue(r.err().contains("usage: inkstone search"), r.err());
        }
        Result bad = search("江城(", "--output", output);
        assertEquals(64, bad.code());
        assertTrue(bad.err().contains("cannot read the query"), bad.err());
        Result date = search("江城", "--from", "2025-02-30", "--output", output);
        assertEquals(64, date.code());
        assertTrue(date.err().contains("bad date"), date.err());
        Result noIndex = search("江城", "--output", empty.toString());
        assertEquals(2, noIndex.code());
        assertTrue(noIndex.err().contains("no search index"), noIndex.err());
        assertEquals(64, InkstoneApplication.execute("find", "江城"));
    }
}
