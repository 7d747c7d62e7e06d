package org.inkstone.export;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceN;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the searchable PDF a PDF/A-2B file (ISO 19005-2, level B: the pages look the same
 * on every reader for the long term), and which scans allow it.
 *
 * <p>{@link #declare} adds what the standard asks of the document: XMP metadata identifying
 * part 2, conformance B, with the title and producer of the document information dictionary
 * (Dublin Core {@code dc:title}, {@code pdf:Producer}, {@code xmp:CreatorTool}); an sRGB output
 * intent ({@code GTS_PDFA1}, the JDK's sRGB ICC profile) for the page images' device colours; and
 * a file identifier in the trailer, derived from the document so the same issue gives the same
 * file. The rest the writer already does: every font embedded (the text layer's subset with its
 * ToUnicode map), no character the font lacks, no transparency, no encryption, no JavaScript.
 *
 * <p>{@link #allows} tells whether a page image may stand in such a file: an image copied from
 * the scan keeps its compression and colours, so LZW compression (forbidden in PDF/A), CMYK or
 * spot colours (the output intent is RGB) and {@code /Interpolate true} keep the file plain
 * PDF. A page the job could not read is copied as it is and keeps the file plain too.
 */
public final class PdfA {

    private static final Set<COSName> FILTERS = Set.of(COSName.DCT_DECODE, COSName.FLATE_DECODE, COSName.CCITTFAX_DECODE,
            COSName.JBIG2_DECODE, COSName.JPX_DECODE, COSName.RUN_LENGTH_DECODE);

    private PdfA() {
    }

    /**
     * Whether an image may be placed in a PDF/A-2B file with an sRGB output intent.
     *
     * @param image the image as it will be written
     * @return false for LZW or unknown compression, CMYK, separation or DeviceN colours (also as
     *         the base of an indexed space), or an image asking to be interpolated
     */
    public static boolean allows(PDImageXObject image) {
        COSBase filter = image.getCOSObject().getDictionaryObject(COSName.FILTER);
        if (filter instanceof COSName name && !FILTERS.contains(name)) {
            return false;
        }
        if (filter instanceof COSArray array) {
            for (COSBase f : array) {
                if (!(f instanceof COSName name) || !FILTERS.contains(name)) {
                    return false;
                }
            }
        }
        if (image.getCOSObject().getBoolean(COSName.INTERPOLATE, false)) {
            return false;
        }
        try {
            PDColorSpace cs = image.isStencil() ? null : image.getColorSpace();
            if (cs instanceof PDIndexed indexed) {
                cs = indexed.getBaseColorSpace();
            }
            return !(cs instanceof PDDeviceCMYK || cs instanceof PDSeparation || cs instanceof PDDeviceN);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Declares a document PDF/A-2B (see the class comment). Call after the pages are added and
     * the document information's title and producer are set.
     *
     * @param doc      the document
     * @param title    its title, as in the document information dictionary
     * @param producer its producer, as in the document information dictionary
     * @param key      what identifies the document's content, for its file identifier
     * @throws IOException if the metadata cannot be written
     */
    public static void declare(PDDocument doc, String title, String producer, String key) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.setFormat("application/pdf");
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(producer);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(producer);
        doc.getDocumentInformation().setCreator(producer);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(2);
        try {
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("XMP metadata: " + e.getMessage(), e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(bytes.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);

        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);

        byte[] digest;
        try {
            digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        COSArray fileId = new COSArray();
        fileId.add(new COSString(digest));
        fileId.add(new COSString(Arrays.copyOf(digest, digest.length)));
        doc.getDocument().getTrailer().setItem(COSName.ID, fileId);
    }
}
