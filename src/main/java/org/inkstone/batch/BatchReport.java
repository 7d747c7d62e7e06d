package org.inkstone.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inkstone.store.DocumentRecord;
import org.inkstone.store.DocumentStore;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of one run, for operators and the programme's records: every document of the scans
 * folder and every page with its status, the reason it failed, its quality figures and why it is
 * flagged for review, written into {@code OUTPUT/reports/} as
 * <ul>
 * <li>{@code run-N.json}: {@code run}, {@code execution}, {@code status}, {@code scans},
 *     {@code documents} (file, export name, status, error, pages) and {@code pages} (file, page,
 *     status, error, confidence 0-1, skew in degrees, contrast 0-255, review);</li>
 * <li>{@code run-N.csv}: one row per page with those columns (RFC 4180, UTF-8), for a
 *     spreadsheet;</li>
 * <li>{@code run-N.html}: the same as a page to open in a browser, failed and flagged pages
 *     first.</li>
 * </ul>
 * {@code N} is the run number of the job's parameters; a restarted run writes its report again.
 * Each file is written under a temporary name and moved into place.
 */
public final class BatchReport {

    /** Folder of the reports in the output folder. */
    public static final String DIR = "reports";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BatchReport() {
    }

    /**
     * Writes the report of a run.
     *
     * @param output    the output folder
     * @param run       the run number
     * @param execution the job execution's id
     * @param status    the execution's status, e.g. {@code COMPLETED}
     * @param scans     the scans folder
     * @param docs      the documents of the scans folder
     * @param pages     their pages
     * @return the JSON, CSV and HTML files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path output, long run, long execution, String status, Path scans,
                                   List<DocumentRecord> docs, List<DocumentStore.PageStatus> pages) throws IOException {
        Path dir = Files.createDirectories(output.resolve(DIR));
        String stem = "run-" + run;
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run);
        root.put("execution", execution);
        root.put("status", status);
        root.put("scans", scans.toString());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (DocumentRecord d : docs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.sourceName());
            m.put("export_name", d.exportName());
            m.put("status", lower(d.status()));
            m.put("error", d.error());
            m.put("pages", d.pageCount());
            documents.add(m);
        }
        root.put("documents", documents);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DocumentStore.PageStatus p : pages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.sourceName());
            m.put("page", p.pageNo());
            m.put("status", lower(p.status()));
            m.put("error", p.error());
            m.put("confidence", p.confidence());
            m.put("skew_deg", p.skewDeg());
            m.put("contrast", p.contrast());
            m.put("review", p.review());
            rows.add(m);
        }
        root.put("pages", rows);
        List<Path> written = new ArrayList<>();
        written.add(put(dir.resolve(stem + ".json"), JSON.writeValueAsString(root)));
        written.add(put(dir.resolve(stem + ".csv"), csv(rows)));
        written.add(put(dir.resolve(stem + ".html"), html(run, status, scans, documents, rows)));
        return written;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Path put(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static final List<String> COLUMNS = List.of("file", "page", "status", "error", "confidence", "skew_deg",
            "contrast", "review");

    /** The page rows as CSV (RFC 4180): a header row, fields quoted where they hold a comma, quote or line break. */
    static String csv(List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                String s = cell(r.get(c));
                cells.add(s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"");
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static String html(long run, String status, Path scans, List<Map<String, Object>> docs,
                               List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Inkstone run ")
                .append(run).append("</title>\n<style>body{font:14px sans-serif;margin:1em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}.failed{background:#fde2e2}"
                        + ".review{background:#fff5d6}</style>\n</head>\n<body>\n");
        long failed = rows.stream().filter(r -> "failed".equals(r.get("status"))).count();
        long review = rows.stream().filter(r -> r.get("review") != null).count();
        sb.append("<h1>Run ").append(run).append(": ").append(esc(status)).append("</h1>\n<p>")
                .append(esc(scans.toString())).append(": ").append(docs.size()).append(" documents, ").append(rows.size())
                .append(" pages, ").append(failed).append(" failed, ").append(review).append(" flagged for review</p>\n");
        sb.append("<table>\n<tr>");
        COLUMNS.forEach(c -> sb.append("<th>").append(c).append("</th>"));
        sb.append("</tr>\n");
        List<Map<String, Object>> ordered = new ArrayList<>(rows);
        ordered.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (Map<String, Object> r : ordered) {
            sb.append("<tr class=\"").append(rank(r) == 0 ? "failed" : rank(r) == 1 ? "review" : "").append("\">");
            for (String c : COLUMNS) {
                sb.append("<td>").append(esc(cell(r.get(c)))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n</body>\n</html>\n").toString();
    }

    /** A value as a table shows it: empty for none, fractions to three places. */
    private static String cell(Object v) {
        return v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v.toString();
    }

    /** Failed pages first, then pages flagged for review, then the rest (a stable sort keeps their order). */
    private static int rank(Map<String, Object> r) {
        return "failed".equals(r.get("status")) ? 0 : r.get("review") != null ? 1 : 2;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
