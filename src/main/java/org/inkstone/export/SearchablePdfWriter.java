package org.inkstone.export;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import org.inkstone.ingest.ScanPdfReader;
import org.inkstone.layout.PageLayout;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrWord;
import org.inkstone.store.DocumentStore;
import org.inkstone.store.PageRecord;

/**
 * Writes a searchable PDF of a digitized document with PDFBox 3: every page shows the page
 * image at its true physical size ({@code width px / dpi × 72} by {@code height px / dpi × 72}
 * points) under an invisible text layer (text rendering mode 3, {@link RenderingMode#NEITHER})
 * that puts each recognised word on its box, as OCRmyPDF and Tesseract's PDF renderer do.
 *
 * <p>Page image: when the source page is one embedded scan, that image XObject is copied into
 * the new file as it is (its encoded stream, no re-encoding, so no loss and no extra time);
 * any other page (born-digital or composite) is rendered at its stored dpi in RGB and stored as
 * JPEG at quality {@value #JPEG_QUALITY}. A page read turned (the source's {@code /Rotate}, or a
 * scan found sideways or upside down) keeps its image as stored and gets the turn as its
 * {@code /Rotate}, the text layer mapped to match ({@link #pageImage}). A page that could not be digitized is copied
 * unchanged from the source, so page numbers stay those of the source.
 *
 * <p>Text layer: the font is a TrueType-outline CJK font, by default WenQuanYi Zen Hei from the
 * Debian package {@code fonts-wqy-zenhei} (a TrueType collection, opened with
 * {@link TrueTypeCollection}), embedded as a subset in a Type 0 font with a ToUnicode map, so
 * text extraction and copy-paste give the Unicode text. (CFF-outline fonts such as Noto CJK
 * cannot be subset-embedded by PDFBox.) Body text, captions and jump lines share one font size
 * per page, {@link #BODY_SIZE_PER_PITCH} of the body line pitch ({@link #bodyPitch}), and start
 * and end {@link #LINE_END_INSET} font sizes inside their line box; any other line's size makes
 * the font's ascent-to-descent span its box height. The font's ascent-to-descent box is centred
 * on the middle of the line's words, and each word is scaled horizontally ({@code Tz}) so its text
 * spans the word box; a word spans up to the next word where the boxes overlap, or where the
 * line text joins them without a space and they are less than half the font size apart, so
 * extraction neither splits Chinese text with spaces nor breaks the line, while a line that the
 * recogniser ran across a column gutter stays two pieces. Characters the font lacks are left out.
 * Vertical lines (竖排) run down their boxes in turned text ({@link #addVerticalLine}).
 * Lines are written in the page's reading order: article modules in layout order (headline,
 * then body columns), other lines (running heads, jump lines, captions) where the stored order
 * has them.
 *
 * <p>Not thread-safe: one writer serves one export step at a time.
 */
public final class SearchablePdfWriter implements Closeable {

    /** WenQuanYi Zen Hei as Debian's {@code fonts-wqy-zenhei} installs it. */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    /** PostScript name of the font used from {@link #DEFAULT_FONT}'s collection (WenQuanYi Zen Hei). */
    public static final String DEFAULT_FONT_NAME = "WenQuanYiZenHei";
    /** JPEG quality of rendered page images, 0..1. */
    public static final float JPEG_QUALITY = 0.92f;

    private final Path fontFile;
    private final String fontName;
    private boolean pdfa = true;
    private TrueTypeCollection collection;
    private TrueTypeFont font;
    private CmapLookup cmap;
    private final Map<Integer, Boolean> hasGlyph = new HashMap<>();

    /** A writer with WenQuanYi Zen Hei from {@link #DEFAULT_FONT}. */
    public SearchablePdfWriter() {
        this(DEFAULT_FONT, DEFAULT_FONT_NAME);
    }

    /**
     * @param fontFile a TrueType font ({@code .ttf}) or collection ({@code .ttc}) with TrueType
     *                 outlines covering Chinese; read when the first PDF is written
     * @param fontName in a collection, the PostScript name of the font to use
     */
    public SearchablePdfWriter(Path fontFile, String fontName) {
        this.fontFile = fontFile;
        this.fontName = fontName;
    }

    /**
     * @param pdfa whether to write PDF/A-2B where the scan allows ({@link #write(DocumentExport, Path, String)});
     *             false writes plain PDF
     * @return a writer like this one that writes PDF/A-2B or plain PDF
     */
    public SearchablePdfWriter pdfa(boolean pdfa) {
        SearchablePdfWriter w = new SearchablePdfWriter(fontFile, fontName);
        w.pdfa = pdfa;
        return w;
    }

    /**
     * Writes the searchable PDF of a document. The source PDF is read from
     * {@link org.inkstone.store.DocumentRecord#sourcePath()} and must still be the digitized file.
     *
     * @param doc    the document with its stored pages and layouts
     * @param target the PDF file to write (overwritten)
     * @throws IOException if the font or the source PDF cannot be read, the source file changed
     *                     since it was digitized, or the file cannot be written
     */
    public void write(DocumentExport doc, Path target) throws IOException {
        write(doc, target, null);
    }

    /**
     * Writes the searchable PDF of a document, its document language ({@code /Lang}) that of its
     * pages' text ({@link #documentLanguage}).
     *
     * @param doc                the document with its stored pages and layouts
     * @param target             the PDF file to write (overwritten)
     * @param configuredLanguage the collection's Tesseract language ({@code inkstone.ocr.language}),
     *                           for pages stored before their model was recorded; null when not known
     * @throws IOException as {@link #write(DocumentExport, Path)}
     */
    public void write(DocumentExport doc, Path target, String configuredLanguage) throws IOException {
        loadFont();
        Path source = Path.of(doc.document().sourcePath());
        if (!Files.isRegularFile(source)) {
            throw new IOException("source PDF " + source + " not found");
        }
        if (!ScanPdfReader.sha256(source).equals(doc.document().sha256())) {
            throw new IOException("source PDF " + source + " changed since it was digitized");
        }
        try (PDDocument src = Loader.loadPDF(source.toFile()); PDDocument out = new PDDocument()) {
            if (src.getNumberOfPages() != doc.pages().size()) {
                throw new IOException("source PDF has " + src.getNumberOfPages() + " pages, " + doc.pages().size() + " stored");
            }
            PDType0Font pdfFont = PDType0Font.load(out, font, true);
            boolean archival = pdfa;
            for (int i = 0; i < doc.pages().size(); i++) {
                PageRecord page = doc.pages().get(i);
                PDPage srcPage = src.getPage(page.pageNo() - 1);
                if (!DocumentStore.DONE.equals(page.status()) || page.width() <= 0 || page.height() <= 0 || page.dpi() <= 0) {
                    // copied as it is: what it holds is not known to meet PDF/A
                    out.importPage(srcPage);
                    archival = false;
                    continue;
                }
                archival &= addPage(out, src, srcPage, page, doc.layouts().get(i), pdfFont);
            }
            PDDocumentInformation info = out.getDocumentInformation();
            String title = title(doc);
            info.setTitle(title);
            info.setProducer("Inkstone");
            out.getDocumentCatalog().setLanguage(documentLanguage(doc, configuredLanguage));
            if (archival) {
                PdfA.declare(out, title, "Inkstone", doc.document().sha256() + "/" + doc.document().exportName());
            }
            out.save(target.toFile());
        }
    }

    /**
     * The document language of the PDF: the BCP 47 tag of the model the document's digitized
     * pages were read with (as ALTO's {@code LANG}, see {@link AltoWriter}); where they were read
     * with different models, the one most pages were read with (the first of those on a tie);
     * with no digitized page, that of the configured model.
     *
     * @param doc                the document
     * @param configuredLanguage the collection's Tesseract language, or null
     * @return a BCP 47 tag, e.g. {@code zh-Hant}
     */
    static String documentLanguage(DocumentExport doc, String configuredLanguage) {
        Map<String, Integer> pages = new java.util.LinkedHashMap<>();
        for (PageRecord page : doc.pages()) {
            if (DocumentStore.DONE.equals(page.status())) {
                pages.merge(AltoWriter.pageLanguage(page, configuredLanguage), 1, Integer::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : pages.entrySet()) {
            if (best == null || e.getValue() > pages.get(best)) {
                best = e.getKey();
            }
        }
        return best != null ? best : org.inkstone.text.ScriptLanguage.of(configuredLanguage);
    }

    private static String title(DocumentExport doc) {
        String newspaper = doc.issue().newspaper(), date = doc.issue().date();
        if (newspaper == null && date == null) {
            return doc.document().exportName();
        }
        return ((newspaper == null ? "" : newspaper) + " " + (date == null ? "" : date)).strip();
    }

    /** @return whether the page's image may stand in a PDF/A-2 file ({@link PdfA#allows}) */
    private boolean addPage(PDDocument out, PDDocument src, PDPage srcPage, PageRecord page, PageLayout layout,
                            PDType0Font pdfFont) throws IOException {
        float scale = 72f / page.dpi();
        float w = page.width() * scale, h = page.height() * scale;
        PageImage image = pageImage(out, src, srcPage, page);
        boolean sideways = image.rotation() == 90 || image.rotation() == 270;
        float mw = sideways ? h : w, mh = sideways ? w : h;
        PDPage target = new PDPage(new PDRectangle(mw, mh));
        target.setRotation(image.rotation());
        out.addPage(target);
        try (PDPageContentStream cs = new PDPageContentStream(out, target)) {
            cs.drawImage(image.image(), 0, 0, mw, mh);
            cs.transform(displayedToPage(image.rotation(), w, h));
            cs.beginText();
            cs.setRenderingMode(RenderingMode.NEITHER);
            float ascent = pdfFont.getFontDescriptor().getAscent() / 1000f;
            float descent = pdfFont.getFontDescriptor().getDescent() / 1000f;
            float em = ascent - descent > 0.1f ? ascent - descent : 1f;
            List<OcrLine> lines = page.lines();
            float bodySize = (float) (BODY_SIZE_PER_PITCH * bodyPitch(layout)) * scale;
            for (int li : lineOrder(layout, lines.size())) {
                OcrLine line = lines.get(li);
                Bbox lb = line.bbox();
                if (lb.height() <= 0) {
                    continue;
                }
                if (line.vertical()) {
                    addVerticalLine(cs, pdfFont, line, h, scale, descent, em);
                    continue;
                }
                boolean body = uniformSize(layout, li) && bodySize > 0;
                float size = body ? bodySize : lb.height() * scale / em;
                int inset = body ? Math.round(LINE_END_INSET * size / scale) : 0;
                float baseline = h - middle(line) * scale - (ascent + descent) / 2 * size;
                cs.setFont(pdfFont, size);
                List<OcrWord> words = line.words().isEmpty()
                        ? List.of(new OcrWord(line.text(), lb, line.confidence())) : line.words();
                boolean[] joined = joinedToNext(line.text(), words);
                for (int k = 0; k < words.size(); k++) {
                    OcrWord word = words.get(k);
                    String text = drawable(word.text());
                    if (text.isEmpty()) {
                        continue;
                    }
                    int x0 = word.bbox().x0(), x1 = word.bbox().x1();
                    if (k == 0) {
                        x0 = Math.min(x0 + inset, x1 - 1);
                    }
                    if (k + 1 < words.size()) {
                        int next = words.get(k + 1).bbox().x0();
                        if (next > x0 && (next < x1 || joined[k] && next - x1 < size / scale / 2)) {
                            x1 = next;
                        }
                    }
                    if (k == words.size() - 1) {
                        x1 = Math.max(x0 + 1, x1 - inset);
                    }
                    float advance = pdfFont.getStringWidth(text) / 1000f * size;
                    float boxWidth = Math.max(1, x1 - x0) * scale;
                    cs.setHorizontalScaling(advance > 0 ? 100f * boxWidth / advance : 100f);
                    cs.setTextMatrix(Matrix.getTranslateInstance(x0 * scale, baseline));
                    cs.showText(text);
                }
            }
            cs.endText();
        }
        return PdfA.allows(image.image());
    }

    /**
     * Writes a vertical line (竖排) as text turned a quarter turn clockwise, so that it runs down
     * the page along the line box, as Tesseract's PDF renderer writes vertical text: the font's
     * ascent-to-descent spans the line's width (glyph tops towards the right edge), and each word
     * is scaled along the line ({@code Tz}) to span its box's height, up to the next word where
     * the boxes overlap or the line text joins them (the recogniser's boxes along a vertical line
     * are rough, with gaps of up to a character between neighbours). Text extraction then gives
     * the line top to bottom in one piece.
     */
    private void addVerticalLine(PDPageContentStream cs, PDType0Font pdfFont, OcrLine line, float pageHeight,
                                 float scale, float descent, float em) throws IOException {
        Bbox lb = line.bbox();
        float size = lb.width() * scale / em;
        float baseline = lb.x0() * scale - descent * size;
        cs.setFont(pdfFont, size);
        List<OcrWord> words = line.words().isEmpty()
                ? List.of(new OcrWord(line.text(), lb, line.confidence())) : line.words();
        boolean[] joined = joinedToNext(line.text(), words);
        for (int k = 0; k < words.size(); k++) {
            String text = drawable(words.get(k).text());
            if (text.isEmpty()) {
                continue;
            }
            int y0 = words.get(k).bbox().y0(), y1 = words.get(k).bbox().y1();
            if (k + 1 < words.size()) {
                int next = words.get(k + 1).bbox().y0();
                if (next > y0 && (next < y1 || joined[k])) {
                    y1 = next;
                }
            }
            float advance = pdfFont.getStringWidth(text) / 1000f * size;
            float boxLength = Math.max(1, y1 - y0) * scale;
            cs.setHorizontalScaling(advance > 0 ? 100f * boxLength / advance : 100f);
            cs.setTextMatrix(new Matrix(0, -1, 1, 0, baseline, pageHeight - y0 * scale));
            cs.showText(text);
        }
    }

    /**
     * Font size of body text as a share of the body line pitch. Poppler's text extraction
     * (pdftotext, poppler's {@code TextOutputDev}) keeps a column's lines in one block only
     * while they are less than 1.5 font sizes apart, and pulls words of a neighbouring column
     * into a small block when the gutter is narrower than one font size. At 0.85 of the pitch
     * the recognised lines may wobble by a quarter of a line, and with {@link #LINE_END_INSET}
     * the usual newspaper gutter (two thirds of a line pitch) stays wider than the font size.
     */
    static final float BODY_SIZE_PER_PITCH = 0.85f;

    /**
     * How far, in font sizes, the text of a body line starts after its box's left edge and
     * ends before its right edge: widens the gutters text extraction sees (see
     * {@link #BODY_SIZE_PER_PITCH}); the characters stay inside their line box.
     */
    static final float LINE_END_INSET = 0.2f;

    /**
     * The distance between successive body lines of a column on the page, px: the median over
     * the article modules of the distance between the middles of two lines that follow each
     * other in a column; the median body line height when there are none.
     */
    static double bodyPitch(PageLayout layout) {
        List<Double> gaps = new ArrayList<>();
        double body = layout.bodyHeight();
        for (PageLayout.Module m : layout.modules()) {
            for (int k = 1; k < m.body().size(); k++) {
                OcrLine a = layout.lines().get(m.body().get(k - 1)), b = layout.lines().get(m.body().get(k));
                double dy = middle(b) - middle(a);
                boolean sameColumn = a.bbox().x0() < b.bbox().x1() && b.bbox().x0() < a.bbox().x1();
                if (sameColumn && dy > 0.5 * body && dy < 2 * body) {
                    gaps.add(dy);
                }
            }
        }
        if (gaps.isEmpty()) {
            return body;
        }
        gaps.sort(null);
        return gaps.get(gaps.size() / 2);
    }

    /**
     * The vertical middle of a line's text, px: the median of its word boxes' middles, which is
     * steadier from line to line than the line box's middle (one tall bracket or comma box
     * stretches the line box).
     */
    static float middle(OcrLine line) {
        if (line.words().isEmpty()) {
            return (line.bbox().y0() + line.bbox().y1()) / 2f;
        }
        float[] m = new float[line.words().size()];
        for (int i = 0; i < m.length; i++) {
            Bbox b = line.words().get(i).bbox();
            m[i] = (b.y0() + b.y1()) / 2f;
        }
        java.util.Arrays.sort(m);
        return m.length % 2 == 1 ? m[m.length / 2] : (m[m.length / 2 - 1] + m[m.length / 2]) / 2;
    }

    /**
     * Whether a line is set in the page's body size rather than by its own height: body lines,
     * captions and jump lines, whose box heights vary with the glyphs they happen to hold.
     * Poppler's text extraction groups lines into a column only when their font sizes agree
     * within 5%.
     */
    private static boolean uniformSize(PageLayout layout, int line) {
        if (layout.bodyHeight() <= 0 || line >= layout.roles().size()) {
            return false;
        }
        return switch (layout.roles().get(line)) {
            case BODY, CAPTION, JUMP_FROM, JUMP_TO, NOISE -> true;
            default -> false;
        };
    }

    /**
     * The image of an output page and the {@code /Rotate} the page shows it with.
     *
     * @param image    the image XObject, drawn over the whole unrotated page (its media box)
     * @param rotation the output page's {@code /Rotate}, clockwise: 0, 90, 180 or 270
     */
    private record PageImage(PDImageXObject image, int rotation) {
    }

    /**
     * The page image and how the output page turns it. The stored page ({@link PageRecord#width()},
     * {@link PageRecord#height()}, every box) is the page as read: the stored image turned by
     * {@link PageRecord#rotationDeg()}, the source page's {@code /Rotate} plus any turn found on
     * the scan. When the source page is one embedded scan, that image stream is copied as it is
     * and the output page carries the whole turn as its {@code /Rotate}: a viewer shows it as the
     * source page (or, for a scan found sideways or upside down, upright), and the image is not
     * decoded, turned and encoded again, which would cost time and, for JPEG, quality. Any other
     * page is rendered with its own {@code /Rotate} applied (by {@link PDFRenderer}) and only the
     * turn found on the scan is left to the output page's {@code /Rotate}. The text layer is
     * written in the coordinates of the page as displayed and mapped into the unrotated page by
     * {@link #displayedToPage}, so it lies over the characters as a viewer shows them.
     */
    private static PageImage pageImage(PDDocument out, PDDocument src, PDPage srcPage, PageRecord page)
            throws IOException {
        int total = Math.floorMod(page.rotationDeg(), 360);
        boolean sideways = total == 90 || total == 270;
        Optional<PDImageXObject> scan = ScanPdfReader.scanImage(srcPage);
        if (scan.isPresent() && scan.get().getWidth() == (sideways ? page.height() : page.width())
                && scan.get().getHeight() == (sideways ? page.width() : page.height())) {
            return new PageImage(scan.get(), total);
        }
        int found = Math.floorMod(total - ScanPdfReader.rotation(srcPage), 360);
        BufferedImage rendered = new PDFRenderer(src).renderImageWithDPI(page.pageNo() - 1, page.dpi(), ImageType.RGB);
        return new PageImage(JPEGFactory.createFromImage(out, rendered, JPEG_QUALITY, page.dpi()), found);
    }

    /**
     * The matrix from the coordinates of a page as displayed to those of its unrotated page: a
     * page with {@code /Rotate} r is displayed turned r degrees clockwise (ISO 32000-1 §7.7.3.3).
     * For a displayed page {@code w × h} points, displayed point {@code (X, Y)} lies at
     * {@code (h - Y, X)} of the unrotated page for 90, {@code (w - X, h - Y)} for 180 and
     * {@code (Y, w - X)} for 270.
     *
     * @param rotation the page's {@code /Rotate}: 0, 90, 180 or 270
     * @param w        width of the page as displayed, points
     * @param h        height of the page as displayed, points
     * @return the transformation to concatenate before drawing in displayed coordinates
     */
    static Matrix displayedToPage(int rotation, float w, float h) {
        return switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, h, 0);
            case 180 -> new Matrix(-1, 0, 0, -1, w, h);
            case 270 -> new Matrix(0, -1, 1, 0, 0, w);
            default -> new Matrix();
        };
    }

    /**
     * The order in which a page's lines are written: lines outside article modules where the
     * stored order has them; the first line of a module brings that module and every module
     * before it in layout order, each headline first, then its body in reading order.
     *
     * @param layout    the page's layout
     * @param lineCount number of lines on the page
     * @return every line index from 0 to {@code lineCount - 1} exactly once
     */
    static List<Integer> lineOrder(PageLayout layout, int lineCount) {
        int[] moduleOf = new int[lineCount];
        java.util.Arrays.fill(moduleOf, -1);
        List<PageLayout.Module> modules = layout.modules();
        for (int m = 0; m < modules.size(); m++) {
            for (List<Integer> part : List.of(modules.get(m).headline(), modules.get(m).body())) {
                for (int i : part) {
                    if (i >= 0 && i < lineCount && moduleOf[i] < 0) {
                        moduleOf[i] = m;
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>(lineCount);
        boolean[] written = new boolean[lineCount];
        int next = 0;
        for (int i = 0; i < lineCount; i++) {
            if (written[i]) {
                continue;
            }
            if (moduleOf[i] < 0) {
                order.add(i);
                written[i] = true;
                continue;
            }
            for (; next <= moduleOf[i]; next++) {
                for (List<Integer> part : List.of(modules.get(next).headline(), modules.get(next).body())) {
                    for (int j : part) {
                        if (j >= 0 && j < lineCount && moduleOf[j] == next && !written[j]) {
                            order.add(j);
                            written[j] = true;
                        }
                    }
                }
            }
        }
        return order;
    }

    /** For each word, whether the line text continues with the next word without a space. */
    private static boolean[] joinedToNext(String lineText, List<OcrWord> words) {
        boolean[] joined = new boolean[words.size()];
        int at = 0;
        for (int k = 0; k < words.size(); k++) {
            int found = lineText.indexOf(words.get(k).text(), at);
            if (found < 0) {
                continue;
            }
            at = found + words.get(k).text().length();
            joined[k] = k + 1 < words.size() && at < lineText.length() && lineText.charAt(at) != ' ';
        }
        return joined;
    }

    /** @return the text without the characters the font has no glyph for (and without white space) */
    private String drawable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (!Character.isWhitespace(cp) && hasGlyph.computeIfAbsent(cp, c -> cmap.getGlyphId(c) > 0)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private void loadFont() throws IOException {
        if (font != null) {
            return;
        }
        if (!Files.isRegularFile(fontFile)) {
            throw new IOException("font " + fontFile + " not found (Debian package fonts-wqy-zenhei)");
        }
        if (fontFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            collection = new TrueTypeCollection(fontFile.toFile());
            font = collection.getFontByName(fontName);
            if (font == null) {
                throw new IOException("font " + fontName + " not found in " + fontFile);
            }
        } else {
            font = new org.apache.fontbox.ttf.TTFParser().parse(
                    new org.apache.pdfbox.io.RandomAccessReadBufferedFile(fontFile.toFile()));
        }
        cmap = font.getUnicodeCmapLookup();
    }

    /** Releases the font file. */
    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        } else if (font != null) {
            font.close();
        }
        font = null;
        collection = null;
    }
}
