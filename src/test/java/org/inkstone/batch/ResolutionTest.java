package org.inkstone.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.inkstone.RequiresModels;
import org.inkstone.RequiresTesseract;
import org.inkstone.TextMetrics;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.ingest.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The type size is measured on the page, never assumed: page 1 of the shipped sample issue
 * (300 dpi, body characters about 38 px high) resampled to 150, 100 and 75 dpi (body characters
 * about 12 and 9 px at the last two, as in web-size images of old issues), each stored as a scan
 * of that resolution and read by the whole job with the detector {@code auto} and the recogniser
 * {@code best}, the settings for archive scans. Each must be read with its lines found and its boxes on its own pixels. Measured:
 * line CER 0.006 / 0.002 / 0.076 / 0.067 at 300 / 150 / 100 / 75 dpi; with the X-Y cut and
 * Tesseract alone 0.014 / 0.010 / 0.084 / 0.150; auto with Tesseract 0.014 / 0.010 / 0.084 / 0.121.
 */
@RequiresTesseract
@RequiresModels
class ResolutionTest {

    @TempDir
    static Path work;
    static JsonNode pages;
    static JsonNode truthPage;
    static final String NAME = "resampled-2025-06-03";
    /** Resolutions of the test pages, dpi; the first is the sample's own. */
    static final int[] DPI = {300, 150, 100, 75};

    @BeforeAll
    static void runJob() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path output = work.resolve("output");
        BufferedImage page = new ScanPdfReader(250_000_000L).readPage(JobTestSupport.SAMPLE, 1).image();
        try (PDDocument doc = new PDDocument()) {
            for (int dpi : DPI) {
                BufferedImage img = dpi == 300 ? page : resampled(page, dpi / 300.0);
                TestPdfs.addScanPage(doc, JPEGFactory.createFromImage(doc, img, 0.92f), dpi);
            }
            doc.save(scans.resolve(NAME + ".pdf").toFile());
        }
        JobTestSupport.Run run = JobTestSupport.run(scans, output, "--workers", "2", "--inkstone.ocr.detector=auto",
                "--inkstone.ocr.recognizer=best");
        assertEquals(0, run.exitCode(), run.out());
        pages = JobTestSupport.readJson(output.resolve(NAME).resolve("articles.json")).get("pages");
        truthPage = JobTestSupport.readJson(JobTestSupport.SAMPLE_TRUTH).get("pages").get(0);
    }

    /** {@code img} scaled by {@code s} with bicubic interpolation (after a box prefilter by Java2D's progressive halving). */
    static BufferedImage resampled(BufferedImage img, double s) {
        BufferedImage cur = img;
        int tw = (int) Math.round(img.getWidth() * s), th = (int) Math.round(img.getHeight() * s);
        while (cur.getWidth() / 2 >= tw) {
            cur = scaled(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return scaled(cur, tw, th);
    }

    private static BufferedImage scaled(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * Line CER against the truth of sample page 1, each truth line (box scaled to the page's
     * resolution) paired with the stored line whose box overlaps it most; unpaired lines count as unread.
     *
     * @return {CER, share of truth lines paired with IoU at least 0.5}
     */
    static double[] against(JsonNode page, double scale) {
        List<String> truth = new ArrayList<>(), got = new ArrayList<>();
        int good = 0;
        for (JsonNode t : truthPage.get("lines")) {
            double[] tb = new double[4];
            for (int i = 0; i < 4; i++) {
                tb[i] = t.get("bbox").get(i).asDouble() * scale;
            }
            JsonNode best = null;
            double bestIou = 0;
            for (JsonNode l : page.get("lines")) {
                JsonNode b = l.get("bbox");
                double iw = Math.max(0, Math.min(tb[2], b.get(2).asDouble()) - Math.max(tb[0], b.get(0).asDouble()));
                double ih = Math.max(0, Math.min(tb[3], b.get(3).asDouble()) - Math.max(tb[1], b.get(1).asDouble()));
                double inter = iw * ih;
                double union = (tb[2] - tb[0]) * (tb[3] - tb[1])
                        + (b.get(2).asDouble() - b.get(0).asDouble()) * (b.get(3).asDouble() - b.get(1).asDouble()) - inter;
                double v = union > 0 ? inter / union : 0;
                if (v > bestIou) {
                    bestIou = v;
                    best = l;
                }
            }
            truth.add(t.get("text").asString());
            got.add(best == null || bestIou < 0.3 ? "" : best.get("text").asString());
            good += bestIou >= 0.5 ? 1 : 0;
        }
        return new double[] {TextMetrics.cer(truth, got), (double) good / truth.size()};
    }

    @Test
    void everyResolutionIsReadNearlyAsWellAsTheMaster() {
        double[] master = against(pages.get(0), 1.0);
        for (int i = 0; i < DPI.length; i++) {
            JsonNode p = pages.get(i);
            assertEquals(DPI[i], p.get("dpi").asInt(), "dpi of page " + (i + 1));
            double[] m = against(p, DPI[i] / 300.0);
            System.out.printf("%d dpi: %d lines, confidence %.3f, line CER %.4f, truth lines matched %.3f%n", DPI[i],
                    p.get("lines").size(), p.get("confidence").asDouble(), m[0], m[1]);
        }
        for (int i = 1; i < DPI.length; i++) {
            double[] m = against(pages.get(i), DPI[i] / 300.0);
            assertTrue(m[1] > 0.9, DPI[i] + " dpi: truth lines found " + m[1]);
            double bound = DPI[i] >= 150 ? Math.max(0.02, master[0] * 2) : 0.1;
            assertTrue(m[0] < bound, DPI[i] + " dpi: line CER " + m[0] + " (300 dpi: " + master[0] + ")");
        }
    }
}
