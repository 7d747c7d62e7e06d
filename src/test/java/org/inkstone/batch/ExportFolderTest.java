package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.ingest.TestPdfs;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.IndexedDocument;
import org.inkstone.search.SearchIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names cannot steer exports: names that are path steps ({@code ...pdf}, {@code ..pdf}),
 * names of the output folder's own parts ({@code db.pdf}, {@code index.pdf}) and names that
 * differ only in case ({@code clash.pdf}, {@code clash.PDF}) or come from two scans folders each
 * get their own export folder inside the output folder and their own index entries; nothing
 * next to the output folder is written or removed.
 */
@RequiresTesseract
class ExportFolderTest {

    @TempDir
    static Path work;
    static Path output;
    static JobTestSupport.Run first, second;
    static final Map<String, String> SHA = new TreeMap<>();

    @BeforeAll
    static void runTwoFoldersIntoOneOutput() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path other = Files.createDirectories(work.resolve("other"));
        output = work.resolve("out");
        Files.writeString(Files.createDirectories(work.resolve("text")).resolve("keep.txt"), "x");
        Files.writeString(Files.createDirectories(work.resolve("alto")).resolve("keep.txt"), "x");
        String[] names = {"...pdf", "..pdf", "db.pdf", "index.pdf", "clash.pdf", "clash.PDF"};
        String[] towns = {"株洲", "湘潭", "长沙", "岳阳", "衡阳", "常德", "益阳"};
        for (int i = 0; i < names.length; i++) {
            Path f = scans.resolve(names[i]);
            TestPdfs.textPage(f, List.of(towns[i] + "市今年新建公园十二座", "市民休闲去处更多"));
            SHA.put(names[i], ScanPdfReader.sha256(f));
        }
        Path again = other.resolve("clash.pdf");
        TestPdfs.textPage(again, List.of(towns[6] + "市今年新建公园十二座", "市民休闲去处更多"));
        SHA.put("other/clash.pdf", ScanPdfReader.sha256(again));
        first = JobTestSupport.run(scans, output, "--workers", "2");
        second = JobTestSupport.run(other, output, "--workers", "1");
    }

    @Test
    void nothingBesideTheOutputFolderIsTouched() throws Exception {
        assertEquals(0, first.exitCode(), first.out());
        assertEquals(0, second.exitCode(), second.out());
        assertEquals("x", Files.readString(work.resolve("text/keep.txt")));
        assertEquals("x", Files.readString(work.resolve("alto/keep.txt")));
        assertEquals(Set.of("alto", "out", "other", "scans", "text"), list(work));
        assertEquals(Set.of("keep.txt"), list(work.resolve("text")));
        assertEquals(Set.of("keep.txt"), list(work.resolve("alto")));
    }

    @Test
    void everyDocumentHasItsOwnExportFolder() throws Exception {
        String h = "-" + SHA.get("db.pdf").substring(0, 8);
        Set<String> expected = new TreeSet<>(Set.of(".inkstone.lock", "db", "index", "logs", "reports", "document",
                "document-" + SHA.get("..pdf").substring(0, 8), "db" + h, "index-" + SHA.get("index.pdf").substring(0, 8),
                "clash", "clash-" + SHA.get("clash.pdf").substring(0, 8), "clash-" + SHA.get("other/clash.pdf").substring(0, 8)));
        assertEquals(expected, list(output));
        assertTrue(list(output.resolve("db")).stream().allMatch(n -> n.startsWith("inkstone.")), list(output.resolve("db")).toString());
        assertTrue(list(output.resolve("reports")).stream().allMatch(n -> n.startsWith("run-")), list(output.resolve("reports")).toString());
        assertTrue(list(output.resolve("index")).stream().noneMatch(n -> n.equals("articles.json") || n.equals("alto")));
        // each folder holds the exports of the document it is named for, read back from articles.json
        Map<String, String> sourceByFolder = new TreeMap<>();
        Map<String, String> shaByFolder = new TreeMap<>();
        for (String folder : expected) {
            Path json = output.resolve(folder).resolve("articles.json");
            if (Files.exists(json)) {
                var doc = JobTestSupport.readJson(json).get("document");
                sourceByFolder.put(folder, doc.get("source").asText());
                shaByFolder.put(folder, doc.get("sha256").asText());
                assertTrue(Files.isDirectory(output.resolve(folder).resolve("alto")), folder);
                assertTrue(Files.exists(output.resolve(folder).resolve(folder + ".pdf")), folder);
            }
        }
        assertEquals(7, sourceByFolder.size(), sourceByFolder.toString());
        assertEquals(new TreeSet<>(SHA.values()), new TreeSet<>(shaByFolder.values()), "every document exported once");
        assertEquals("clash.PDF", sourceByFolder.get("clash"), "clash.PDF comes first in name order");
        assertEquals("...pdf", sourceByFolder.get("document"));
        assertEquals("db.pdf", sourceByFolder.get("db" + h));
    }

    @Test
    void everyDocumentKeepsItsOwnIndexEntriesAndName() throws Exception {
        try (ArticleSearcher index = ArticleSearcher.open(SearchIndex.location(output))) {
            List<IndexedDocument> docs = index.documents();
            assertEquals(7, docs.size(), docs.toString());
            assertEquals(new TreeSet<>(SHA.values()), docs.stream().map(IndexedDocument::sha256)
                    .collect(Collectors.toCollection(TreeSet::new)));
            for (IndexedDocument d : docs) {
                assertTrue(Files.exists(output.resolve(d.name()).resolve("articles.json")), d.name());
            }
        }
        try (Connection db = JobTestSupport.database(output)) {
            assertEquals(7, JobTestSupport.count(db, "SELECT COUNT(DISTINCT export_key) FROM document"));
            assertEquals(0, JobTestSupport.count(db, "SELECT COUNT(*) FROM article WHERE ext_id NOT LIKE "
                    + "(SELECT d.export_name FROM document d WHERE d.id = article.document_id) || '/a%'"));
        }
    }

    private static Set<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
