package org.inkstone.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures search on the dev corpus: not a test, a program that prints figures.
 *
 * <pre>
 * SearchBenchmark OUTPUT CORPUS [ARTICLES]
 *   OUTPUT   output folder of a job run over the corpus' scans (its index/ is read), e.g. /tmp/search-out
 *   CORPUS   folder of issue-* folders with truth.json, e.g. /work/shared/corpus/dev
 *   ARTICLES articles in the replicated index (default 10000)
 * </pre>
 *
 * <ol>
 * <li><b>Analyzer comparison.</b> The job's articles are indexed once per {@link SearchAnalysis}.
 *     Queries are drawn from the truth text the way a researcher would type them: names and
 *     places (the 2–3 characters after 记者/ or 通讯员/, and 2 characters + 市/区/县/镇/村),
 *     numbers with their unit ({@code 2025年}, {@code 5月30日}, {@code 200余名}) and phrases
 *     (4–8 Han characters at random places). <i>Analyzer recall</i>: of the articles whose OCR
 *     title or text contains the query literally, the share the search returns (so only the
 *     analysis is measured, not OCR errors). <i>Recall@10 right page</i>: of the queries found
 *     in exactly one page of the truth, the share whose top 10 hits hold an article of that
 *     issue with a matched line on that page (OCR errors included).</li>
 * <li><b>Scale.</b> The articles are replicated into a fresh index (ids, document names and
 *     dates varied) up to {@code ARTICLES}, merged to one segment; then 1,000 queries drawn
 *     from the three kinds above (after 200 for warm-up) are timed end to end
 *     ({@link ArticleSearcher#search}: parse, search, stored fields, match offsets, snippets and
 *     line boxes of the 10 best hits). Printed: p50/p95 latency, index size per 1,000 articles,
 *     and recall@10 right page for 50 phrases (a replica of the right issue counts).</li>
 * </ol>
 */
public final class SearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    /** A truth fragment's text on one page. */
    record TruthPiece(String issue, int page, String text) {
    }

    /** A query with the truth pages holding it. */
    record Probe(String kind, String text, Set<String> pages) {
    }

    private SearchBenchmark() {
    }

    /**
     * @param args OUTPUT CORPUS [ARTICLES]
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "/tmp/search-out");
        Path corpus = Path.of(args.length > 1 ? args[1] : "/work/shared/corpus/dev");
        int target = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;

        List<IndexedDocument> docs = new ArrayList<>();
        Map<String, List<IndexedArticle>> articles = new LinkedHashMap<>();
        try (ArticleSearcher s = ArticleSearcher.open(SearchIndex.location(output))) {
            for (IndexedDocument d : s.documents()) {
                docs.add(d);
                List<IndexedArticle> list = new ArrayList<>();
                for (int i = 1; i <= d.articles(); i++) {
                    list.add(s.article(String.format("%s/a%03d", d.name(), i)).orElseThrow());
                }
                articles.put(d.name(), list);
            }
        }
        int n = articles.values().stream().mapToInt(List::size).sum();
        System.out.printf("job index: %d documents, %d articles%n", docs.size(), n);

        List<TruthPiece> truth = truth(corpus);
        Random rnd = new Random(20250314);
        List<Probe> names = probes("name", names(truth), truth, 60);
        List<Probe> numbers = probes("number", numbers(truth), truth, 60);
        List<Probe> phrases = probes("phrase", phrases(truth, rnd, 400), truth, 200);
        List<Probe> unique = phrases.stream().filter(p -> p.pages().size() == 1).limit(50).toList();
        System.out.printf("queries: %d names/places, %d numbers, %d phrases; %d phrases on exactly one truth page%n",
                names.size(), numbers.size(), phrases.size(), unique.size());
        System.out.println("  e.g. " + String.join(" ", Stream.of(names, numbers, phrases)
                .flatMap(l -> l.stream().limit(4)).map(Probe::text).toList()));

        Path work = Files.createTempDirectory("inkstone-search-bench");
        System.out.println();
        System.out.println("analyzer comparison (job articles)");
        System.out.printf("%-15s %18s %18s %18s %18s %16s %10s%n", "analysis", "names", "numbers", "phrases", "all",
                "recall@10 page", "index KB");
        for (SearchAnalysis a : SearchAnalysis.values()) {
            Path dir = work.resolve(a.name());
            try (SearchIndex.Writer w = SearchIndex.Writer.open(dir, a)) {
                for (IndexedDocument d : docs) {
                    w.add(d, articles.get(d.name()));
                }
                w.forceMerge();
                w.commit();
            }
            try (ArticleSearcher s = ArticleSearcher.open(dir)) {
                int[] nm = analyzerRecall(s, names, articles), nu = analyzerRecall(s, numbers, articles),
                        ph = analyzerRecall(s, phrases, articles);
                double page = pageRecall(s, unique, false);
                System.out.printf("%-15s %18s %18s %18s %18s %15.1f%% %10d%n", a, pct(nm), pct(nu), pct(ph),
                        pct(new int[] {nm[0] + nu[0] + ph[0], nm[1] + nu[1] + ph[1]}), 100 * page, size(dir) / 1024);
            }
        }
        for (SearchAnalysis a : SearchAnalysis.values()) {
            try (ArticleSearcher s = ArticleSearcher.open(work.resolve(a.name()))) {
                List<String> missed = new ArrayList<>();
                for (Probe p : Stream.of(names, numbers, phrases).flatMap(List::stream).toList()) {
                    int[] r = analyzerRecall(s, List.of(p), articles);
                    if (r[0] < r[1]) {
                        missed.add(p.text());
                    }
                }
                System.out.printf("  %s misses (literal in OCR text, not found): %d %s%n", a, missed.size(),
                        missed.stream().limit(12).toList());
            }
        }

        // scale
        int copies = (target + n - 1) / n;
        Path big = work.resolve("replicated");
        long t0 = System.nanoTime();
        int total = 0;
        try (SearchIndex.Writer w = SearchIndex.Writer.open(big, SearchAnalysis.DEFAULT)) {
            for (int r = 0; r < copies; r++) {
                for (IndexedDocument d : docs) {
                    String name = d.name() + String.format("-r%03d", r);
                    String date = d.date() == null ? null : LocalDate.parse(d.date()).minusDays(7L * r).toString();
                    List<IndexedArticle> copy = new ArrayList<>();
                    for (IndexedArticle a : articles.get(d.name())) {
                        copy.add(new IndexedArticle(name + a.id().substring(d.name().length()), name, a.title(), a.text(),
                                a.newspaper(), date, a.fragments(), a.continued(), a.map()));
                    }
                    w.add(new IndexedDocument(name, d.source(), d.sourcePath(), d.sha256(), d.newspaper(), date, d.pages(),
                            copy.size()), copy);
                    total += copy.size();
                }
            }
            w.commit();
            w.forceMerge();
            w.commit();
        }
        double buildS = (System.nanoTime() - t0) / 1e9;
        long bytes = size(big);
        System.out.println();
        System.out.printf("replicated index: %d articles (%d copies), built and merged in %.1f s, %.1f MB = %.2f MB per 1,000 articles%n",
                total, copies, buildS, bytes / 1e6, bytes / 1e6 / (total / 1000.0));
        List<Probe> all = Stream.of(names, numbers, phrases).flatMap(List::stream).toList();
        try (ArticleSearcher s = ArticleSearcher.open(big)) {
            Random pick = new Random(7);
            for (int i = 0; i < 200; i++) {
                s.search(SearchQuery.of(all.get(pick.nextInt(all.size())).text()));
            }
            long[] ns = new long[1000];
            long hits = 0;
            for (int i = 0; i < ns.length; i++) {
                String q = all.get(pick.nextInt(all.size())).text();
                long a = System.nanoTime();
                SearchResults r = s.search(SearchQuery.of(q));
                ns[i] = System.nanoTime() - a;
                hits += r.total();
            }
            Arrays.sort(ns);
            System.out.printf("1,000 queries (limit 10, hits resolved to snippets and line boxes): p50 %.2f ms, p95 %.2f ms, "
                    + "p99 %.2f ms, mean %.1f articles matched%n", ns[499] / 1e6, ns[949] / 1e6, ns[989] / 1e6, hits / 1000.0);
            System.out.printf("recall@10 right page, %d phrases, replicated index (a replica of the right issue counts): %.1f%%%n",
                    unique.size(), 100 * pageRecall(s, unique, true));
        }
        try (ArticleSearcher s = ArticleSearcher.open(SearchIndex.location(output))) {
            System.out.printf("recall@10 right page, %d phrases, job index: %.1f%%%n", unique.size(), 100 * pageRecall(s, unique, false));
            List<String> missed = new ArrayList<>();
            for (Probe p : unique) {
                if (pageRecall(s, List.of(p), false) == 0) {
                    missed.add(p.text() + "@" + p.pages());
                }
            }
            System.out.println("  not found on the right page: " + missed);
        }
        deleteTree(work);
    }

    /** Every truth fragment's headline and body text (white space removed) with its issue and page. */
    static List<TruthPiece> truth(Path corpus) throws IOException {
        List<TruthPiece> out = new ArrayList<>();
        List<Path> issues;
        try (Stream<Path> s = Files.list(corpus)) {
            issues = s.filter(p -> Files.isRegularFile(p.resolve("truth.json"))).sorted().toList();
        }
        for (Path issue : issues) {
            JsonNode t = JSON.readTree(Files.readString(issue.resolve("truth.json")));
            for (JsonNode page : t.get("pages")) {
                Map<String, StringBuilder> pieces = new LinkedHashMap<>();
                for (JsonNode line : page.get("lines")) {
                    String region = line.get("region").asString();
                    int colon = region.indexOf(':');
                    if (colon < 0 || !(region.endsWith(":body") || region.endsWith(":headline"))) {
                        continue;
                    }
                    pieces.computeIfAbsent(region, k -> new StringBuilder()).append(line.get("text").asString());
                }
                for (var e : pieces.entrySet()) {
                    out.add(new TruthPiece(issue.getFileName().toString(), page.get("page").asInt(),
                            e.getValue().toString().replaceAll("\\s+", "")));
                }
            }
        }
        return out;
    }

    private static List<String> names(List<TruthPiece> truth) {
        Set<String> out = new LinkedHashSet<>();
        Pattern person = Pattern.compile("(?:记者|通讯员)/?(\\p{IsHan}{2,3})");
        Pattern place = Pattern.compile("(\\p{IsHan}{2}(?:市|区|县|镇|村))");
        for (TruthPiece p : truth) {
            for (Pattern pat : List.of(person, place)) {
                Matcher m = pat.matcher(p.text());
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> numbers(List<TruthPiece> truth) {
        Set<String> out = new LinkedHashSet<>();
        Pattern num = Pattern.compile("\\d{1,2}月\\d{1,2}日|\\d+(?:\\.\\d+)?(?:余|多)?(?:年|月|日|万|亿|个|名|人|元|家|项|次|天|所|场)");
        for (TruthPiece p : truth) {
            Matcher m = num.matcher(p.text());
            while (m.find()) {
                out.add(m.group());
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> phrases(List<TruthPiece> truth, Random rnd, int count) {
        List<String> runs = new ArrayList<>();
        for (TruthPiece p : truth) {
            Matcher m = HAN.matcher(p.text());
            while (m.find()) {
                if (m.group().length() >= 4) {
                    runs.add(m.group());
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < count && tries < count * 20; tries++) {
            String run = runs.get(rnd.nextInt(runs.size()));
            int len = Math.min(run.length(), 4 + rnd.nextInt(5));
            int at = rnd.nextInt(run.length() - len + 1);
            out.add(run.substring(at, at + len));
        }
        return new ArrayList<>(out);
    }

    private static List<Probe> probes(String kind, List<String> texts, List<TruthPiece> truth, int max) {
        List<Probe> out = new ArrayList<>();
        for (String t : texts) {
            Set<String> pages = new HashSet<>();
            for (TruthPiece p : truth) {
                if (p.text().contains(t)) {
                    pages.add(p.issue() + "#" + p.page());
                }
            }
            if (!pages.isEmpty() && out.size() < max) {
                out.add(new Probe(kind, t, pages));
            }
        }
        return out;
    }

    /** @return {found, wanted}: articles whose OCR title or text holds the query literally, and how many of them the search returns */
    private static int[] analyzerRecall(ArticleSearcher s, List<Probe> probes, Map<String, List<IndexedArticle>> articles)
            throws IOException {
        int found = 0, wanted = 0;
        for (Probe p : probes) {
            Set<String> want = new HashSet<>();
            articles.values().forEach(l -> l.forEach(a -> {
                if (a.text().contains(p.text()) || a.title().contains(p.text())) {
                    want.add(a.id());
                }
            }));
            if (want.isEmpty()) {
                continue;
            }
            Set<String> got = new HashSet<>();
            for (int off = 0; ; off += SearchQuery.MAX_LIMIT) {
                SearchResults r = s.search(new SearchQuery(p.text(), null, null, null, null, off, SearchQuery.MAX_LIMIT));
                r.hits().forEach(h -> got.add(h.id()));
                if (r.hits().size() < SearchQuery.MAX_LIMIT) {
                    break;
                }
            }
            wanted += want.size();
            want.retainAll(got);
            found += want.size();
        }
        return new int[] {found, wanted};
    }

    /** @return share of probes whose top 10 hold the right issue with a matched line on the right page */
    private static double pageRecall(ArticleSearcher s, List<Probe> probes, boolean replicas) throws IOException {
        int ok = 0;
        for (Probe p : probes) {
            String want = p.pages().iterator().next();
            String issue = want.substring(0, want.indexOf('#'));
            int page = Integer.parseInt(want.substring(want.indexOf('#') + 1));
            boolean found = false;
            for (SearchHit h : s.search(SearchQuery.of(p.text())).hits()) {
                String doc = replicas ? h.document().replaceFirst("-r\\d{3}$", "") : h.document();
                if (doc.equals(issue) && (h.page() == page || h.boxes().stream().anyMatch(b -> b.page() == page))) {
                    found = true;
                    break;
                }
            }
            ok += found ? 1 : 0;
        }
        return probes.isEmpty() ? 0 : (double) ok / probes.size();
    }

    private static String pct(int[] r) {
        return String.format("%.1f%% (%d/%d)", r[1] == 0 ? 0 : 100.0 * r[0] / r[1], r[0], r[1]);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
