package org.inkstone.web;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.inkstone.ingest.BadDocumentException;
import org.inkstone.ingest.BadPageException;
import org.inkstone.ingest.PageImage;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.search.IndexedDocument;

/**
 * Page images for the reading room, cut from the scanned PDFs with {@link ScanPdfReader} at
 * their native resolution (so boxes in page px apply unchanged), in the manner of the IIIF
 * Image API 3.0 ({@code https://iiif.io/api/image/3.0/}) at compliance level 1 and more: a
 * region ({@code full}, {@code square}, {@code x,y,w,h} in px or {@code pct:}) scaled to a size
 * ({@code max}, {@code w,}, {@code ,h}, {@code pct:n}, {@code w,h}, {@code !w,h}; never
 * enlarged), in its own colours or gray, as JPEG.
 *
 * <p>Reading a page out of a PDF takes a fraction of a second, so the last few decoded pages
 * are kept (about 17 MB each for an A3 page at 300 dpi in gray), and encoded JPEGs up to a
 * total size. Before a PDF is first used its SHA-256 is checked against the indexed
 * document's, so a file replaced at the same path is never shown for the old document.
 * Thread-safe.
 */
public final class PageImages {

    /** Widest image produced, px. */
    public static final int MAX_WIDTH = 10_000;

    private final ScanPdfReader reader;
    private final int maxPages;
    private final long maxJpegBytes;
    private final Map<String, BufferedImage> pages;
    private final Map<String, byte[]> jpegs = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private long jpegBytes;

    /**
     * @param reader       reads pages out of PDFs
     * @param maxPages     decoded pages kept in memory
     * @param maxJpegBytes total size of encoded images kept in memory, bytes
     */
    public PageImages(ScanPdfReader reader, int maxPages, long maxJpegBytes) {
        this.reader = reader;
        this.maxPages = maxPages;
        this.maxJpegBytes = maxJpegBytes;
        this.pages = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> e) {
                return size() > PageImages.this.maxPages;
            }
        };
    }

    /** A request this service cannot answer because of what was asked (HTTP 400). */
    public static class BadImageRequest extends IllegalArgumentException {
        /** @param message what is wrong with the request */
        public BadImageRequest(String message) {
            super(message);
        }
    }

    /** The page or its scan does not exist (HTTP 404). */
    public static class ScanNotFound extends RuntimeException {
        /** @param message what is missing */
        public ScanNotFound(String message) {
            super(message);
        }
    }

    /**
     * A region of a page as JPEG, as the IIIF Image API 3.0 asks for it.
     *
     * @param doc     the document
     * @param pageNo  page number counted from 1
     * @param region  {@code full}, {@code square}, {@code x,y,w,h} in px of the page image or
     *                {@code pct:x,y,w,h} in percent of its size (clipped to the page)
     * @param size    {@code max}, {@code w,}, {@code ,h}, {@code pct:n}, {@code w,h} or
     *                {@code !w,h} (the largest size within w × h keeping the aspect ratio); never
     *                larger than the region
     * @param quality {@code default}, {@code color} or {@code gray}
     * @return the JPEG bytes
     * @throws BadImageRequest if region, size or quality is malformed, outside the page or would enlarge
     * @throws ScanNotFound    if the page does not exist or could not be read by the job, the PDF is
     *                         gone or no longer the same file
     * @throws IOException     if the PDF cannot be read
     */
    public byte[] jpeg(IndexedDocument doc, int pageNo, String region, String size, String quality) throws IOException {
        IndexedDocument.Page p = readable(doc, pageNo);
        int[] r = region(region, p.width(), p.height());
        int[] wh = size(size, r[2], r[3]);
        boolean gray = "gray".equals(quality);
        if (!gray && !"default".equals(quality) && !"color".equals(quality)) {
            throw new BadImageRequest("quality must be default, color or gray, not '" + quality + "'");
        }
        int w = wh[0], h = wh[1];
        String key = doc.sha256() + "/" + pageNo + "/" + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "/" + w + "," + h
                + (gray ? "/gray" : "");
        synchronized (jpegs) {
            byte[] cached = jpegs.get(key);
            if (cached != null) {
                return cached;
            }
        }
        BufferedImage page = page(doc, pageNo);
        int x0 = Math.min(r[0], page.getWidth() - 1), y0 = Math.min(r[1], page.getHeight() - 1);
        BufferedImage crop = page.getSubimage(x0, y0, Math.min(r[2], page.getWidth() - x0), Math.min(r[3], page.getHeight() - y0));
        BufferedImage scaled = scale(crop, w, h);
        byte[] out = encode(gray ? gray(scaled) : scaled);
        synchronized (jpegs) {
            jpegs.put(key, out);
            jpegBytes += out.length;
            Iterator<Map.Entry<String, byte[]>> it = jpegs.entrySet().iterator();
            while (jpegBytes > maxJpegBytes && it.hasNext()) {
                jpegBytes -= it.next().getValue().length;
                it.remove();
            }
        }
        return out;
    }

    /**
     * A region of a page as JPEG in its own colours.
     *
     * @see #jpeg(IndexedDocument, int, String, String, String)
     */
    public byte[] jpeg(IndexedDocument doc, int pageNo, String region, String size) throws IOException {
        return jpeg(doc, pageNo, region, size, "default");
    }

    /**
     * A page that has an image to serve: one the job read. A page recorded as failed (an
     * unreadable or oversized page image; stored with size 0 x 0) has none.
     *
     * @param doc    the document
     * @param pageNo page number counted from 1
     * @return the page, with its width and height in px (both more than 0)
     * @throws ScanNotFound if the document has no such page or the page could not be read
     */
    public static IndexedDocument.Page readable(IndexedDocument doc, int pageNo) {
        IndexedDocument.Page p = doc.page(pageNo);
        if (p == null) {
            throw new ScanNotFound("document " + doc.name() + " has no page " + pageNo);
        }
        if ("failed".equals(p.status()) || p.width() <= 0 || p.height() <= 0) {
            throw new ScanNotFound("page " + pageNo + " of " + doc.name()
                    + " could not be read when it was digitized, so it has no image");
        }
        return p;
    }

    /**
     * Parses an IIIF region against the page size.
     *
     * @return {x, y, w, h} in px of the page image, clipped to the page
     * @throws BadImageRequest if malformed or outside the page
     */
    static int[] region(String region, int width, int height) {
        if ("full".equals(region)) {
            return new int[] {0, 0, width, height};
        }
        if ("square".equals(region)) {
            int side = Math.min(width, height);
            return new int[] {(width - side) / 2, (height - side) / 2, side, side};
        }
        boolean pct = region != null && region.startsWith("pct:");
        String[] parts = region == null ? new String[0] : (pct ? region.substring(4) : region).split(",", -1);
        String form = "region must be 'full', 'square', 'x,y,w,h' in pixels or 'pct:x,y,w,h', not '" + region + "'";
        if (parts.length != 4) {
            throw new BadImageRequest(form);
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                if (pct) {
                    double d = Double.parseDouble(parts[i].strip());
                    if (!Double.isFinite(d) || d < 0) {
                        throw new NumberFormatException();
                    }
                    v[i] = (int) Math.round(d * (i % 2 == 0 ? width : height) / 100.0);
                } else {
                    v[i] = Integer.parseInt(parts[i].strip());
                }
            } catch (NumberFormatException e) {
                throw new BadImageRequest(form);
            }
        }
        if (v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0) {
            throw new BadImageRequest("region '" + region + "': x and y must be 0 or more, w and h more than 0");
        }
        if (v[0] >= width || v[1] >= height) {
            throw new BadImageRequest("region '" + region + "' lies outside the page (" + width + "x" + height + " px)");
        }
        v[2] = Math.min(v[2], width - v[0]);
        v[3] = Math.min(v[3], height - v[1]);
        return v;
    }

    /**
     * Parses an IIIF size against the region's size.
     *
     * @return {w, h} of the output image, px
     * @throws BadImageRequest if malformed, larger than the region (sizes prefixed {@code ^} are
     *                         refused: images are not enlarged) or wider than {@link #MAX_WIDTH}
     */
    static int[] size(String size, int regionWidth, int regionHeight) {
        String form = "size must be 'max', 'w,', ',h', 'pct:n', 'w,h' or '!w,h', not '" + size + "'";
        if (size == null || size.startsWith("^")) {
            throw new BadImageRequest(size == null ? form : "size '" + size + "': images are not enlarged");
        }
        int w, h;
        try {
            if ("max".equals(size)) {
                w = regionWidth;
                h = regionHeight;
            } else if (size.startsWith("pct:")) {
                double n = Double.parseDouble(size.substring(4));
                if (!(n > 0) || n > 100) {
                    throw new BadImageRequest("size '" + size + "': pct must be over 0 and at most 100 (images are not enlarged)");
                }
                w = (int) Math.round(regionWidth * n / 100);
                h = (int) Math.round(regionHeight * n / 100);
            } else if (size.matches("!\\d{1,6},\\d{1,6}")) {
                String[] p = size.substring(1).split(",");
                int bw = Math.min(Integer.parseInt(p[0]), regionWidth), bh = Math.min(Integer.parseInt(p[1]), regionHeight);
                if ((long) bw * regionHeight <= (long) bh * regionWidth) {
                    // the width limits: full width of the box, the height in proportion
                    w = bw;
                    h = (int) Math.min(bh, Math.round((double) regionHeight * bw / regionWidth));
                } else {
                    h = bh;
                    w = (int) Math.min(bw, Math.round((double) regionWidth * bh / regionHeight));
                }
            } else if (size.matches("\\d{1,6},")) {
                w = Integer.parseInt(size.substring(0, size.length() - 1));
                h = (int) Math.round((double) regionHeight * w / regionWidth);
            } else if (size.matches(",\\d{1,6}")) {
                h = Integer.parseInt(size.substring(1));
                w = (int) Math.round((double) regionWidth * h / regionHeight);
            } else if (size.matches("\\d{1,6},\\d{1,6}")) {
                String[] p = size.split(",");
                w = Integer.parseInt(p[0]);
                h = Integer.parseInt(p[1]);
            } else {
                throw new BadImageRequest(form);
            }
        } catch (NumberFormatException e) {
            throw new BadImageRequest(form);
        }
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (w > regionWidth || h > regionHeight) {
            throw new BadImageRequest("size " + w + "x" + h + " px is larger than the region (" + regionWidth + "x"
                    + regionHeight + " px): images are not enlarged");
        }
        if (w > MAX_WIDTH || h > MAX_WIDTH) {
            throw new BadImageRequest("size " + w + "x" + h + " px: ask for at most " + MAX_WIDTH + " px each way");
        }
        return new int[] {w, h};
    }

    /**
     * The whole page image at scan resolution, from the cache or the PDF.
     *
     * @param doc    the document
     * @param pageNo page number counted from 1
     * @return the page image, px at scan resolution
     * @throws ScanNotFound if the PDF is gone, changed or has no such page
     * @throws IOException  if the PDF cannot be read
     */
    public BufferedImage page(IndexedDocument doc, int pageNo) throws IOException {
        String key = doc.sha256() + "/" + pageNo;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            synchronized (pages) {
                BufferedImage img = pages.get(key);
                if (img != null) {
                    return img;
                }
            }
            Path pdf = Path.of(doc.sourcePath());
            if (!Files.isRegularFile(pdf)) {
                throw new ScanNotFound("the scan of " + doc.name() + " is no longer at " + pdf);
            }
            String stamp = Files.size(pdf) + "@" + Files.getLastModifiedTime(pdf).toMillis();
            if (!stamp.equals(verified.get(pdf.toString()))) {
                if (!ScanPdfReader.sha256(pdf).equals(doc.sha256())) {
                    throw new ScanNotFound("the file at " + pdf + " is no longer the scan of " + doc.name());
                }
                verified.put(pdf.toString(), stamp);
            }
            BufferedImage img;
            try {
                // the reader turns the scan by the page's /Rotate; a turn the job found on the scan
                // itself is applied here, so the image is the page as read, where its boxes lie
                PageImage read = reader.readPage(pdf, pageNo);
                IndexedDocument.Page info = doc.page(pageNo);
                int found = info == null ? 0 : Math.floorMod(info.rotation() - read.rotationDeg(), 360);
                img = ScanPdfReader.turn(read.image(), found);
            } catch (BadPageException | BadDocumentException e) {
                throw new ScanNotFound("page " + pageNo + " of " + doc.name() + " cannot be read: " + e.getMessage());
            }
            synchronized (pages) {
                pages.put(key, img);
            }
            return img;
        }
    }

    /**
     * Scales by halving steps with bilinear interpolation, then one last bilinear step: close
     * to area averaging for text, much faster than {@code SCALE_AREA_AVERAGING}.
     */
    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage img = plain(src);
        while (img.getWidth() / 2 >= w && img.getHeight() / 2 >= h) {
            img = resize(img, img.getWidth() / 2, img.getHeight() / 2);
        }
        return img.getWidth() == w && img.getHeight() == h ? img : resize(img, w, h);
    }

    /** The image in 8-bit gray (itself when it is gray). */
    private static BufferedImage gray(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A gray or RGB copy (or the image itself when it is one): what the JPEG writer takes. */
    private static BufferedImage plain(BufferedImage src) {
        int type = src.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR) {
            return src;
        }
        boolean gray = src.getColorModel().getNumColorComponents() == 1;
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
                gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return out;
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, src.getType());
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(buf)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return buf.toByteArray();
    }
}
