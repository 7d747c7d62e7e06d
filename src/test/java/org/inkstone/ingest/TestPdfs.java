package org.inkstone.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Makes the bad and odd PDFs that ingest must cope with. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** Adds a page showing {@code image} over the whole page at {@code dpi}. */
    public static void addScanPage(PDDocument doc, PDImageXObject image, int dpi) throws IOException {
        float w = image.getWidth() * 72f / dpi, h = image.getHeight() * 72f / dpi;
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, w, h);
        }
    }

    /** A PDF with one small white scan page, encrypted with a user password. */
    public static void encrypted(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            addScanPage(doc, LosslessFactory.createFromImage(doc, white(200, 300)), 100);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
    }

    /** A valid PDF without any page. */
    public static void noPages(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.save(file.toFile());
        }
    }

    /**
     * A PDF whose first page is a readable white scan and whose second page's image is a JPEG
     * stream of random bytes that cannot be decoded.
     */
    public static void brokenSecondPage(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            addScanPage(doc, LosslessFactory.createFromImage(doc, white(200, 300)), 100);
            byte[] junk = new byte[5000];
            new Random(7).nextBytes(junk);
            PDImageXObject broken = new PDImageXObject(doc, new ByteArrayInputStream(junk), COSName.DCT_DECODE,
                    200, 300, 8, PDDeviceGray.INSTANCE);
            addScanPage(doc, broken, 100);
            doc.save(file.toFile());
        }
    }

    /** A PDF whose only page image declares {@code width x height} pixels. */
    public static void hugePage(Path file, int width, int height) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(doc, white(20, 20));
            image.getCOSObject().setInt(COSName.WIDTH, width);
            image.getCOSObject().setInt(COSName.HEIGHT, height);
            addScanPage(doc, image, 300);
            doc.save(file.toFile());
        }
    }

    /**
     * A one-page scan of a few lines of Chinese text (Noto Serif CJK at 12 pt, 300 dpi, no
     * degradation): a small real document that is quick to recognise.
     *
     * @param file  where to write it
     * @param lines the text lines, one per line of the page
     * @return the rendered page, with its truth
     */
    public static org.inkstone.fixture.RenderedPage textPage(Path file, java.util.List<String> lines) throws IOException {
        var page = org.inkstone.fixture.PageRenderer.renderLines(lines, 300, 12f);
        try (PDDocument doc = new PDDocument()) {
            addScanPage(doc, LosslessFactory.createFromImage(doc, page.image()), page.dpi());
            doc.save(file.toFile());
        }
        return page;
    }

    /** @return a white 8-bit gray image */
    public static BufferedImage white(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }
}
