package org.inkstone.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexNotFoundException;

/**
 * The {@code search} command: searches the article index of an output folder and prints the
 * hits, best first, each as title, newspaper, date, page and article id, then a snippet with
 * the matched text between {@code «} and {@code »}.
 *
 * <pre>
 * inkstone search "QUERY" [--from DATE] [--to DATE] [--newspaper N] [--page P] [--limit N] [--output DIR]
 * </pre>
 *
 * <p>Exit codes: 0 the search ran (with hits or none); 2 there is no index in the output folder
 * or it cannot be read; 64 usage error, including a query or filter that cannot be searched
 * (the message says why).
 */
public final class SearchCommand {

    /** Usage line of the command. */
    public static final String USAGE = "usage: inkstone search \"QUERY\" [--from DATE] [--to DATE] [--newspaper N] "
            + "[--page P] [--limit N] [--output DIR]";

    private SearchCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code search}
     * @param out  where hits are printed
     * @param err  where problems are reported
     * @return the exit code (0, 2 or 64, see the class comment)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String query = null, from = null, to = null, newspaper = null, output = "output";
        Integer page = null;
        int limit = 10;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--from" -> from = value(args, i++);
                    case "--to" -> to = value(args, i++);
                    case "--newspaper" -> newspaper = value(args, i++);
                    case "--output" -> output = value(args, i++);
                    case "--page" -> page = number(a, value(args, i++));
                    case "--limit" -> limit = number(a, value(args, i++));
                    default -> {
                        if (a.startsWith("--") || query != null) {
                            throw new IllegalArgumentException(a.startsWith("--") ? "unknown option " + a
                                    : "one query only (put a phrase with spaces in quotes): " + a);
                        }
                        query = a;
                    }
                }
            }
            if (query == null) {
                throw new IllegalArgumentException("no query given");
            }
        } catch (IllegalArgumentException e) {
            err.println("inkstone: " + e.getMessage());
            err.println(USAGE);
            return 64;
        }
        SearchQuery q = new SearchQuery(query, from, to, newspaper, page, 0, limit);
        Path indexDir = SearchIndex.location(Path.of(output));
        try (ArticleSearcher searcher = ArticleSearcher.open(indexDir)) {
            SearchResults r = searcher.search(q);
            out.printf("%d %s for %s%n", r.total(), r.total() == 1 ? "article" : "articles", query);
            int n = r.offset();
            for (SearchHit h : r.hits()) {
                out.printf("%n%d. %s%n", ++n, h.title().isEmpty() ? "(no headline)" : h.markedTitle("«", "»"));
                out.printf("   %s  %s  page %d  %s%n", h.newspaper() == null ? "-" : h.newspaper(),
                        h.date() == null ? "-" : h.date(), h.page(), h.id());
                out.printf("   %s%n", h.markedSnippet("«", "»"));
            }
            return 0;
        } catch (BadQueryException e) {
            err.println("inkstone: " + e.getMessage());
            return 64;
        } catch (NoSuchFileException | IndexNotFoundException e) {
            err.println("inkstone: no search index in " + indexDir.toAbsolutePath().normalize()
                    + ": run ./inkstone run first (or give --output DIR)");
            return 2;
        } catch (IOException e) {
            err.println("inkstone: cannot read the search index " + indexDir + ": " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value);
        }
    }
}
