package org.inkstone.batch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.inkstone.model.OcrPage;
import org.inkstone.preprocess.PreparedPage;
import org.inkstone.preprocess.TextRegion;
import org.inkstone.store.ExportNames;
import org.inkstone.store.PageTask;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what each stage made of a page ({@code --keep-intermediates DIR}), so that a page read
 * badly can be traced to the stage that went wrong. Per page, in {@code DIR/NAME/} (NAME: the
 * PDF's file name made safe, {@link ExportNames#sanitize}):
 * <ul>
 * <li>{@code NNNN-straightened.png}: the gray page as the detector saw it (turned upright and
 * straightened), 8-bit gray PNG, px at scan resolution;</li>
 * <li>{@code NNNN-regions.json}: {@code skew_deg}, {@code rotation_deg}, {@code body_height},
 * {@code contrast}, {@code detector}, and every region found ({@code kind}: line, block,
 * vertical, image, rule; {@code bbox} on the straightened page and {@code scan_bbox} on the page
 * as read, {@code [x0, y0, x1, y1]} px; {@code text_height} px);</li>
 * <li>{@code NNNN-lines.json}: the recognised lines as stored ({@code text}, {@code bbox} on the
 * page as read, {@code confidence} in [0, 1]).</li>
 * </ul>
 * A failure to write is reported on standard error and does not fail the page.
 */
public final class Intermediates {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path dir;

    /** @param dir the folder to write into, created when needed */
    public Intermediates(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes one page's intermediates.
     *
     * @param task        the page
     * @param prepared    the page as the detector saw it, with its regions
     * @param detector    the detector's name
     * @param rotationDeg quarter turn applied to the stored image, clockwise
     * @param read        the recognised page, boxes on the page as read
     */
    public void write(PageTask task, PreparedPage prepared, String detector, int rotationDeg, OcrPage read) {
        Path folder = dir.resolve(ExportNames.sanitize(task.source().getFileName().toString()));
        String stem = String.format("%04d", task.pageNo());
        try {
            Files.createDirectories(folder);
            var g = prepared.image();
            BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, g.width(), g.height(), g.pixels());
            ImageIO.write(img, "png", folder.resolve(stem + "-straightened.png").toFile());

            Map<String, Object> regions = new LinkedHashMap<>();
            regions.put("page", task.pageNo());
            regions.put("detector", detector);
            regions.put("skew_deg", prepared.skewDegrees());
            regions.put("rotation_deg", rotationDeg);
            regions.put("body_height", prepared.bodyHeight());
            regions.put("contrast", prepared.contrast());
            List<Map<String, Object>> list = new ArrayList<>();
            for (TextRegion r : prepared.regions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", r.kind().name().toLowerCase());
                m.put("bbox", box(r.bbox()));
                m.put("scan_bbox", box(prepared.toScan(r.bbox())));
                m.put("text_height", r.textHeight());
                list.add(m);
            }
            regions.put("regions", list);
            JSON.writeValue(folder.resolve(stem + "-regions.json").toFile(), regions);

            List<Map<String, Object>> lines = new ArrayList<>();
            for (OcrLine l : read.lines()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", l.text());
                m.put("bbox", box(l.bbox()));
                m.put("confidence", l.confidence());
                lines.add(m);
            }
            JSON.writeValue(folder.resolve(stem + "-lines.json").toFile(), Map.of("page", task.pageNo(), "lines", lines));
        } catch (IOException | RuntimeException e) {
            System.err.println("inkstone: intermediates of " + task.source().getFileName() + " page " + task.pageNo()
                    + " could not be written to " + folder + ": " + e.getMessage());
        }
    }

    private static int[] box(Bbox b) {
        return new int[] {b.x0(), b.y0(), b.x1(), b.y1()};
    }
}
