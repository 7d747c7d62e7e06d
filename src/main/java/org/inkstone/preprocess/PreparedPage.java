package org.inkstone.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrPage;
import org.inkstone.model.PageGraphic;

/**
 * A page made ready for region-wise recognition: straightened, with its regions found.
 *
 * @param image       the straightened gray page, same size as the scan, px at scan resolution, its
 *                    reversed panels turned into dark type on paper ({@link ReversedPanels})
 * @param skewDegrees skew measured on the scan and removed from {@code image}, degrees
 *                    (positive: lines descend to the right)
 * @param regions     text lines, vertical lines, images and rules of {@code image}, text in reading order
 * @param bodyHeight  height of the body characters, px at scan resolution
 * @param contrast    paper level minus ink level after background normalisation, 0..255
 * @param charAspect  median width / height of the body characters' components (see {@link PageSegmenter.Result})
 * @param detector    what found the regions ({@link LineDetector.Detection#detector})
 */
public record PreparedPage(GrayImage image, double skewDegrees, List<TextRegion> regions, int bodyHeight,
                           int contrast, double charAspect, String detector) {

    /**
     * @param box box on the straightened page, px
     * @return the box on the page as scanned, px
     */
    public Bbox toScan(Bbox box) {
        return Deskew.toScan(box, skewDegrees, image.width(), image.height());
    }

    /**
     * @return the photos and rules among {@link #regions}, boxes on the page as scanned
     */
    public List<PageGraphic> graphics() {
        List<PageGraphic> graphics = new ArrayList<>();
        for (TextRegion r : regions) {
            if (r.kind() == TextRegion.Kind.IMAGE || r.kind() == TextRegion.Kind.RULE) {
                graphics.add(new PageGraphic(r.kind() == TextRegion.Kind.IMAGE ? PageGraphic.Kind.PHOTO
                        : PageGraphic.Kind.RULE, toScan(r.bbox())));
            }
        }
        return graphics;
    }

    /**
     * @param page OCR result of the straightened page
     * @return the same result with every block, line and word box on the page as scanned
     */
    public OcrPage toScan(OcrPage page) {
        if (skewDegrees == 0) {
            return page;
        }
        return new OcrPage(page.width(), page.height(), page.dpi(),
                page.blocks().stream().map(b -> b.withBoxes(this::toScan)).toList());
    }
}
