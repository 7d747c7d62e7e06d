package org.inkstone.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.inkstone.article.ArticleAssembler;
import org.inkstone.layout.IssueMetadata;
import org.inkstone.layout.LayoutAnalyzer;
import org.inkstone.layout.PageLayout;
import org.inkstone.ocr.OcrSettings;
import org.inkstone.ocr.TesseractRecognizer;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Measures what the layout and export steps cost per document, next to the recognition time stored for its
 * pages: loading the stored text, layout analysis and article assembly, {@code articles.json},
 * and each library export (ALTO, searchable PDF, article text), written into a temporary folder.
 * Reads the database of a finished run (no job may run on it at the same time).
 *
 * <pre>
 * ./inkstone run --scans SCANS --output OUTPUT
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.inkstone.export.ExportBenchmark OUTPUT SCANS [REPEATS]
 * </pre>
 *
 * Prints one line per document and stage with the median wall time over {@code REPEATS} (default 3)
 * runs after one warm-up run, the totals, the summed recognition time of the pages
 * ({@code page.ocr_millis}) and the wall time of the {@code layout}, {@code export} and {@code index}
 * steps in their last execution.
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    /**
     * @param args output folder of a finished run, the scans folder it read, optionally the number of repeats
     * @throws Exception if the database cannot be read or an export fails
     */
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]).toAbsolutePath().normalize();
        Path scans = Path.of(args[1]).toAbsolutePath().normalize();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:hsqldb:file:" + output.resolve("db/inkstone") + ";shutdown=true", "SA", "", true);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DocumentStore store = new DocumentStore(jdbc);
        Path tmp = Files.createTempDirectory("inkstone-export-bench");
        LayoutAnalyzer layout = new LayoutAnalyzer();
        ArticleAssembler assembler = new ArticleAssembler();
        Pattern fileNames = Pattern.compile("(?<date>\\d{4}-\\d{2}-\\d{2})");
        Map<String, double[]> totals = new LinkedHashMap<>();
        int pages = 0;
        try (LibraryExports exports = new LibraryExports(
                new SearchablePdfWriter(), System.err)) {
            AltoWriter alto = new AltoWriter();
            SearchablePdfWriter pdf = new SearchablePdfWriter();
            ArticleTextWriter text = new ArticleTextWriter();
            ArticlesJsonWriter json = new ArticlesJsonWriter();
            for (DocumentRecord doc : store.documentsIn(scans)) {
                if (!DocumentStore.DONE.equals(doc.status())) {
                    continue;
                }
                Map<String, double[]> times = new LinkedHashMap<>();
                for (int r = 0; r <= repeats; r++) {
                    Path dir = tmp.resolve(doc.exportName() + "-" + r);
                    long t0 = System.nanoTime();
                    var stored = store.pages(doc.id());
                    long t1 = System.nanoTime();
                    List<PageLayout> layouts = stored.stream()
                            .map(p -> layout.analyze(p.pageNo(), p.width(), p.height(), p.lines())).toList();
                    var articles = assembler.assemble(doc.exportName(), layouts);
                    IssueMetadata meta = IssueMetadata.read(layouts, doc.sourceName(), fileNames, null);
                    long t2 = System.nanoTime();
                    json.write(doc, meta, stored, layouts, articles, dir.resolve("articles.json"));
                    long t3 = System.nanoTime();
                    DocumentExport export = new DocumentExport(doc, meta, stored, layouts, articles);
                    alto.write(export, dir.resolve("alto"));
                    long t4 = System.nanoTime();
                    pdf.write(export, dir.resolve(doc.exportName() + ".pdf"));
                    long t5 = System.nanoTime();
                    text.write(export, dir.resolve("text"));
                    long t6 = System.nanoTime();
                    exports.write(export, dir.resolve("all"));
                    long t7 = System.nanoTime();
                    if (r == 0) {
                        continue; // warm-up
                    }
                    long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7};
                    String[] names = {"load stored text", "layout + articles", "articles.json", "ALTO", "searchable PDF",
                            "article text", "LibraryExports.write (all three)"};
                    for (int k = 0; k < names.length; k++) {
                        times.computeIfAbsent(names[k], n -> new double[repeats])[r - 1] = (marks[k + 1] - marks[k]) / 1e9;
                    }
                }
                pages += stored(jdbc, doc.id());
                for (var e : times.entrySet()) {
                    double[] v = e.getValue().clone();
                    java.util.Arrays.sort(v);
                    double median = v[v.length / 2];
                    totals.computeIfAbsent(e.getKey(), k -> new double[1])[0] += median;
                    System.out.printf("%-32s %-34s %7.3f s%n", doc.sourceName(), e.getKey(), median);
                }
            }
        }
        System.out.println();
        for (var e : totals.entrySet()) {
            System.out.printf("%-32s %-34s %7.3f s%n", "all " + pages + " pages", e.getKey(), e.getValue()[0]);
        }
        Long ocr = jdbc.queryForObject("SELECT SUM(p.ocr_millis) FROM page p JOIN document d ON d.id = p.document_id "
                + "WHERE d.source_dir = ?", Long.class, scans.toString());
        System.out.printf("%-32s %-34s %7.3f s%n", "all " + pages + " pages", "recognition (sum of page.ocr_millis)",
                ocr == null ? 0 : ocr / 1000.0);
        for (String step : List.of("layout", "export", "index")) {
            List<Map<String, Object>> steps = jdbc.queryForList("SELECT START_TIME, END_TIME FROM BATCH_STEP_EXECUTION "
                    + "WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1", step);
            for (Map<String, Object> s : steps) {
                var start = ((java.sql.Timestamp) s.get("START_TIME")).toInstant();
                var end = ((java.sql.Timestamp) s.get("END_TIME")).toInstant();
                System.out.printf("%-32s %-34s %7.3f s%n", "last job run", step + " step wall time",
                        java.time.Duration.between(start, end).toMillis() / 1000.0);
            }
        }
        ds.destroy();
        try (var walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int stored(JdbcTemplate jdbc, long documentId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM page WHERE document_id = ?", Integer.class, documentId);
        return n == null ? 0 : n;
    }
}
