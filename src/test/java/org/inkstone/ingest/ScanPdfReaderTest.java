package org.inkstone.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanPdfReaderTest {

    @TempDir
    Path dir;
    private final ScanPdfReader reader = new ScanPdfReader(250_000_000L);

    private String inspectFailure(Path file) {
        return assertThrows(BadDocumentException.class, () -> reader.inspect(file, ScanPdfReader.sha256(file))).getMessage();
    }

    @Test
    void decodesPagesWithoutImageioDiskCache() {
        new ScanPdfReader(1);
        assertFalse(javax.imageio.ImageIO.getUseCache(), "a full temporary folder must not fail pages");
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.pdf"));
        assertTrue(inspectFailure(f).contains("empty"));
    }

    @Test
    void rejectsNonPdf() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.pdf"), "这不是PDF文件", StandardCharsets.UTF_8);
        assertTrue(inspectFailure(f).contains("not a PDF"));
    }

    @Test
    void rejectsCorruptPdf() throws Exception {
        Path f = Files.write(dir.resolve("corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R".getBytes());
        assertTrue(inspectFailure(f).startsWith("corrupt PDF"), inspectFailure(f));
    }

    @Test
    void rejectsEncryptedPdf() throws Exception {
        Path f = dir.resolve("locked.pdf");
        TestPdfs.encrypted(f);
        assertTrue(inspectFailure(f).contains("encrypted"));
    }

    @Test
    void rejectsPdfWithoutPages() throws Exception {
        Path f = dir.resolve("nopages.pdf");
        TestPdfs.noPages(f);
        assertTrue(inspectFailure(f).contains("no pages"));
    }

    @Test
    void takesScanAtNativeResolution() throws Exception {
        Path f = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            TestPdfs.addScanPage(doc, JPEGFactory.createFromImage(doc, TestPdfs.white(850, 1100), 0.8f), 200);
            doc.save(f.toFile());
        }
        DocumentInfo info = reader.inspect(f, ScanPdfReader.sha256(f));
        assertEquals(1, info.pageCount());
        assertEquals(64, info.sha256().length());
        PageImage page = reader.readPage(f, 1);
        assertTrue(page.nativeScan());
        assertEquals(200, page.dpi());
        assertEquals(850, page.image().getWidth());
        assertEquals(1100, page.image().getHeight());
    }

    @Test
    void decodesGrayJpegScanToTheSamePixelsAsPdfBox() throws Exception {
        Path f = dir.resolve("gray.pdf");
        java.awt.image.BufferedImage src = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                src.getRaster().setSample(x, y, 0, (x * 7 + y * 3 + (x * y) % 31) & 0xff);
            }
        }
        java.awt.image.BufferedImage byPdfBox;
        try (PDDocument doc = new PDDocument()) {
            var jpeg = JPEGFactory.createFromImage(doc, src, 0.9f);
            TestPdfs.addScanPage(doc, jpeg, 300);
            doc.save(f.toFile());
            byPdfBox = jpeg.getImage();
        }
        java.awt.image.BufferedImage read = reader.readPage(f, 1).image();
        assertEquals(java.awt.image.BufferedImage.TYPE_BYTE_GRAY, read.getType());
        int differ = 0;
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                differ += read.getRaster().getSample(x, y, 0) == (byPdfBox.getRGB(x, y) & 0xff) ? 0 : 1;
            }
        }
        assertEquals(0, differ, "pixels that differ from PDFBox's decoding");
    }

    @Test
    void rendersPageThatIsNotAScanAt300Dpi() throws Exception {
        Path f = dir.resolve("vector.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(144, 216));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(10, 10, 50, 50);
                cs.fill();
            }
            doc.save(f.toFile());
        }
        PageImage image = reader.readPage(f, 1);
        assertEquals(300, image.dpi());
        // PDFBox's renderer rounds the page size to whole pixels: 2 x 3 inches at 300 dpi, +-1 px
        assertEquals(600, image.image().getWidth(), 1.0);
        assertEquals(900, image.image().getHeight(), 1.0);
        assertTrue(!image.nativeScan());
    }

    @Test
    void reportsUnreadablePageOfGoodFile() throws Exception {
        Path f = dir.resolve("halfbroken.pdf");
        TestPdfs.brokenSecondPage(f);
        assertEquals(2, reader.inspect(f, ScanPdfReader.sha256(f)).pageCount());
        assertEquals(200, reader.readPage(f, 1).image().getWidth());
        BadPageException e = assertThrows(BadPageException.class, () -> reader.readPage(f, 2));
        assertTrue(e.getMessage().startsWith("unreadable page"), e.getMessage());
    }

    @Test
    void refusesHugePageBeforeDecodingIt() throws Exception {
        Path f = dir.resolve("huge.pdf");
        TestPdfs.hugePage(f, 40_000, 40_000);
        BadPageException e = assertThrows(BadPageException.class, () -> reader.readPage(f, 1));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    /** A 300 × 200 px gray test card: white, with a black block at the top left and a gray one at the bottom right. */
    private static java.awt.image.BufferedImage card() {
        java.awt.image.BufferedImage img = TestPdfs.white(300, 200);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(10, 10, 60, 40);
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(220, 150, 70, 40);
        g.dispose();
        return img;
    }

    /** {@code img} turned a quarter turn counter-clockwise, pixel by pixel: (x, y) goes to (y, w - 1 - x). */
    static java.awt.image.BufferedImage turnedLeft(java.awt.image.BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(h, w, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.getRaster().setSample(y, w - 1 - x, 0, img.getRaster().getSample(x, y, 0));
            }
        }
        return out;
    }

    private static int differingPixels(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth(), "width");
        assertEquals(a.getHeight(), b.getHeight(), "height");
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff)) > 8 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void takesAScanStoredTurnedAsItIsDisplayed() throws Exception {
        // the card stored turned a quarter turn left, or upside down, with the /Rotate that shows it upright;
        // /Rotate values outside 0..359 and negative ones name the same turns
        java.awt.image.BufferedImage card = card(), left = turnedLeft(card), twice = turnedLeft(turnedLeft(card));
        java.awt.image.BufferedImage thrice = turnedLeft(twice);
        Object[][] cases = {{left, 90}, {left, 450}, {left, -270}, {twice, 180}, {thrice, 270}, {thrice, -90}};
        for (Object[] c : cases) {
            Path f = dir.resolve("turned" + c[1] + ".pdf");
            try (PDDocument doc = new PDDocument()) {
                TestPdfs.addScanPage(doc, org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc,
                        (java.awt.image.BufferedImage) c[0]), 100);
                doc.getPage(0).setRotation((Integer) c[1]);
                doc.save(f.toFile());
            }
            PageImage page = reader.readPage(f, 1);
            assertTrue(page.nativeScan());
            assertEquals(100, page.dpi());
            assertEquals(Math.floorMod((Integer) c[1], 360), page.rotationDeg());
            assertEquals(0, differingPixels(card, page.image()), "/Rotate " + c[1]);
        }
    }

    @Test
    void rendersARotatedPageAsItIsDisplayed() throws Exception {
        // a page that is not a single scan (a small vector mark beside the image) is rendered, turned by /Rotate
        Path f = dir.resolve("rendered-turned.pdf");
        try (PDDocument doc = new PDDocument()) {
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, turnedLeft(card()));
            PDPage page = new PDPage(new PDRectangle(48, 72));
            page.setRotation(90);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, 48, 72);
                cs.setNonStrokingColor(1f);
                cs.addRect(20, 30, 0.5f, 0.5f);
                cs.fill();
            }
            doc.save(f.toFile());
        }
        PageImage page = reader.readPage(f, 1);
        assertTrue(!page.nativeScan());
        assertEquals(90, page.rotationDeg());
        // 1 x 2/3 inch displayed at 300 dpi: 300 x 200 px
        java.awt.image.BufferedImage img = page.image();
        assertEquals(300, img.getWidth(), 1.0);
        assertEquals(200, img.getHeight(), 1.0);
        assertTrue((img.getRGB(40, 30) & 0xff) < 64, "black block at the top left");
        int grayBlock = img.getRGB(260, 170) & 0xff, white = img.getRGB(260, 30) & 0xff, bottomLeft = img.getRGB(40, 170) & 0xff;
        assertTrue(grayBlock > 64 && grayBlock < white - 16, "gray block at the bottom right: " + grayBlock);
        assertTrue(white > 240 && bottomLeft > 240, "white at the top right and bottom left: " + white + ", " + bottomLeft);
    }
}
