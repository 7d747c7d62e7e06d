package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.inkstone.TextMetrics;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.ingest.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.search.ArticleSearcher;
import org.inkstone.search.IndexedDocument;
import org.inkstone.search.SearchIndex;
import org.inkstone.web.PageImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Pages whose scan is stored turned, through the whole job: page 1 of the shipped sample issue
 * upright (for comparison), stored a quarter turn left with {@code /Rotate 90} (displayed
 * upright), stored a quarter turn right without {@code /Rotate} (sideways, found and turned) and
 * stored upside down without {@code /Rotate} (found and turned). Each must be read like the
 * upright page, its boxes on the upright page, its turn recorded, and the searchable PDF must
 * show it with its text layer over the characters.
 */
@RequiresTesseract
class RotatedPageTest {

    @TempDir
    static Path work;
    static Path output;
    static JsonNode pages;
    static JsonNode truthPage, truthLines;
    static final String NAME = "rotated-2025-06-03";
    /** Stored turn (clockwise) of each test page's image and its /Rotate. */
    static final int[][] PAGES = {{0, 0}, {270, 90}, {90, 0}, {180, 0}};

    @BeforeAll
    static void runJob() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        output = work.resolve("output");
        BufferedImage upright = new ScanPdfReader(250_000_000L).readPage(JobTestSupport.SAMPLE, 1).image();
        try (PDDocument doc = new PDDocument()) {
            for (int[] p : PAGES) {
                BufferedImage stored = upright;
                for (int k = 0; k < p[0] / 90; k++) {
                    stored = turnedRight(stored);
                }
                TestPdfs.addScanPage(doc, JPEGFactory.createFromImage(doc, stored, 0.92f), 300);
                doc.getPage(doc.getNumberOfPages() - 1).setRotation(p[1]);
            }
            doc.save(scans.resolve(NAME + ".pdf").toFile());
        }
        JobTestSupport.Run run = JobTestSupport.run(scans, output, "--workers", "2");
        assertEquals(0, run.exitCode(), run.out());
        pages = JobTestSupport.readJson(output.resolve(NAME).resolve("articles.json")).get("pages");
        truthPage = JobTestSupport.readJson(JobTestSupport.SAMPLE_TRUTH).get("pages").get(0);
        truthLines = truthPage.get("lines");
    }

    /** {@code img} turned a quarter turn clockwise, pixel by pixel: (x, y) goes to (h - 1 - y, x). */
    static BufferedImage turnedRight(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.getRaster().setSample(h - 1 - y, x, 0, img.getRaster().getSample(x, y, 0));
            }
        }
        return out;
    }

    private static int[] box(JsonNode bbox) {
        return new int[] {bbox.get(0).asInt(), bbox.get(1).asInt(), bbox.get(2).asInt(), bbox.get(3).asInt()};
    }

    private static double iou(int[] a, int[] b) {
        double iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = iw * ih;
        return inter / ((a[2] - a[0]) * (double) (a[3] - a[1]) + (b[2] - b[0]) * (double) (b[3] - b[1]) - inter);
    }

    /**
     * How a page reads against the truth of sample page 1: each truth line paired with the stored
     * line whose box overlaps it most.
     *
     * @return {CER over the paired lines (unpaired truth lines count as unread), mean IoU of the pairs,
     *         share of truth lines paired with IoU at least 0.5}
     */
    static double[] against(JsonNode page) {
        List<String> truth = new ArrayList<>(), got = new ArrayList<>();
        double iouSum = 0;
        int good = 0;
        for (JsonNode t : truthLines) {
            int[] tb = box(t.get("bbox"));
            JsonNode best = null;
            double bestIou = 0;
            for (JsonNode l : page.get("lines")) {
                double v = iou(tb, box(l.get("bbox")));
                if (v > bestIou) {
                    bestIou = v;
                    best = l;
                }
            }
            truth.add(t.get("text").asString());
            got.add(best == null ? "" : best.get("text").asString());
            iouSum += bestIou;
            good += bestIou >= 0.5 ? 1 : 0;
        }
        return new double[] {TextMetrics.cer(truth, got), iouSum / truth.size(), (double) good / truth.size()};
    }

    @Test
    void everyPageIsReadUprightWithItsTurnRecorded() throws Exception {
        double[] upright = against(pages.get(0));
        for (int i = 0; i < PAGES.length; i++) {
            JsonNode p = pages.get(i);
            // the page is read as shown upright: its turn from the stored image is the inverse of the stored turn
            int expected = Math.floorMod(-PAGES[i][0], 360);
            assertEquals(expected, p.has("rotation") ? p.get("rotation").asInt() : 0, "rotation of page " + (i + 1));
            assertEquals(truthPage.get("width").asInt(), p.get("width").asInt(), "upright width of page " + (i + 1));
            assertEquals(truthPage.get("height").asInt(), p.get("height").asInt(), "upright height of page " + (i + 1));
            assertEquals(truthPage.get("dpi").asInt(), p.get("dpi").asInt());
            double[] m = against(p);
            System.out.printf("page %d (stored turned %d, /Rotate %d): confidence %.3f, CER %.4f, mean IoU %.3f, "
                    + "truth lines matched %.3f%n", i + 1, PAGES[i][0], PAGES[i][1], p.get("confidence").asDouble(), m[0], m[1], m[2]);
            assertTrue(p.get("confidence").asDouble() > 0.8, "confidence of page " + (i + 1) + ": " + p.get("confidence"));
            // measured on the upright page: CER 0.01, mean IoU 0.85; the turned pages read within a point of it
            assertTrue(m[0] < Math.max(0.05, upright[0] + 0.02), "CER of page " + (i + 1) + ": " + m[0]);
            assertTrue(m[1] > 0.7 && m[2] > 0.9, "boxes of page " + (i + 1) + " on the upright page: " + m[1] + ", " + m[2]);
        }
        try (Connection db = JobTestSupport.database(output)) {
            for (int i = 0; i < PAGES.length; i++) {
                assertEquals(Math.floorMod(-PAGES[i][0], 360), JobTestSupport.count(db,
                        "SELECT rotation_deg FROM page WHERE page_no = " + (i + 1)), "stored rotation of page " + (i + 1));
            }
        }
    }

    @Test
    void theReadingRoomShowsEachPageAsRead() throws Exception {
        try (ArticleSearcher index = ArticleSearcher.open(SearchIndex.location(output))) {
            IndexedDocument doc = index.document(NAME).orElseThrow();
            PageImages images = new PageImages(new ScanPdfReader(250_000_000L), 8, 64L << 20);
            java.awt.image.Raster upright = images.page(doc, 1).getRaster();
            for (int i = 2; i <= PAGES.length; i++) {
                java.awt.image.Raster shown = images.page(doc, i).getRaster();
                assertEquals(upright.getWidth(), shown.getWidth(), "width of page " + i);
                assertEquals(upright.getHeight(), shown.getHeight(), "height of page " + i);
                long diff = 0;
                for (int y = 0; y < shown.getHeight(); y += 7) {
                    for (int x = 0; x < shown.getWidth(); x += 7) {
                        diff += Math.abs(shown.getSample(x, y, 0) - upright.getSample(x, y, 0));
                    }
                }
                double mean = diff / ((shown.getWidth() / 7.0) * (shown.getHeight() / 7.0));
                assertTrue(mean < 2, "page " + i + " is shown upright, as page 1: mean difference " + mean);
            }
        }
    }

    /** {@code pdftotext -raw} of one page of the searchable PDF. */
    private static String pdftotext(Path pdf, int page) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", "-f", "" + page, "-l", "" + page,
                pdf.toString(), "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "pdftotext (poppler-utils) must be installed");
        return text;
    }

    @Test
    void theSearchablePdfShowsEachPageAsReadWithItsTextLayerOverTheCharacters() throws Exception {
        Path pdf = output.resolve(NAME).resolve(NAME + ".pdf");
        String uprightText = TextMetrics.norm(pdftotext(pdf, 1));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < PAGES.length; i++) {
                var page = doc.getPage(i);
                int shown = Math.floorMod(page.getRotation(), 360);
                boolean sideways = shown == 90 || shown == 270;
                float w = sideways ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
                float h = sideways ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
                // displayed upright at the page's physical size
                float dpi = truthPage.get("dpi").asInt();
                int tw = truthPage.get("width").asInt(), th = truthPage.get("height").asInt();
                assertEquals(tw * 72f / dpi, w, 0.5, "displayed width of page " + (i + 1));
                assertEquals(th * 72f / dpi, h, 0.5, "displayed height of page " + (i + 1));
                // the scan's stream is copied as stored, the page's /Rotate shows it upright
                assertEquals(Math.floorMod(-PAGES[i][0], 360), shown, "/Rotate of page " + (i + 1));
                List<Integer> imageWidths = new ArrayList<>();
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                        imageWidths.add(img.getWidth());
                    }
                }
                assertEquals(List.of(sideways ? th : tw), imageWidths, "the page's image as stored");

                // PDFBox's text positions (rotation-adjusted, origin top left) over the page's stored lines
                List<TextPosition> chars = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        chars.add(text);
                    }
                };
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                stripper.getText(doc);
                int inside = 0;
                for (TextPosition c : chars) {
                    double x = (c.getX() + c.getWidth() / 2) * dpi / 72, y = (c.getY() - c.getHeight() / 2) * dpi / 72;
                    boolean in = false;
                    for (JsonNode l : pages.get(i).get("lines")) {
                        int[] b = box(l.get("bbox"));
                        in |= x >= b[0] - 4 && x <= b[2] + 4 && y >= b[1] - 4 && y <= b[3] + 4;
                    }
                    inside += in ? 1 : 0;
                }
                assertTrue(chars.size() > 500, "characters in the text layer of page " + (i + 1) + ": " + chars.size());
                assertTrue(inside > 0.97 * chars.size(), "characters of page " + (i + 1) + " over their lines: "
                        + inside + " of " + chars.size());

                // pdftotext gives the turned page's text in the same order as the upright page's
                String text = TextMetrics.norm(pdftotext(pdf, i + 1));
                double cer = TextMetrics.cer(List.of(uprightText), List.of(text));
                System.out.printf("page %d: pdftotext -raw against the upright page's: %.4f%n", i + 1, cer);
                assertTrue(cer < 0.05, "pdftotext of page " + (i + 1) + ": " + text);
            }
        }
    }
}
