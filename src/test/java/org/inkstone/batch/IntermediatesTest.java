package org.inkstone.batch;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.ingest.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code --keep-intermediates DIR} leaves, per page, the straightened image the detector saw,
 * the regions it found and the lines read, so a bad page can be traced to its stage.
 */
@RequiresTesseract
class IntermediatesTest {

    @TempDir
    Path work;

    @Test
    void eachPageLeavesItsStraightenedImageRegionsAndLines() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        List<String> text = List.of("株洲市今年新建公园十二座", "市民休闲去处更多");
        RenderedPage page = TestPdfs.textPage(scans.resolve("park news.pdf"), text);
        Path keep = work.resolve("stages");
        JobTestSupport.Run run = JobTestSupport.run(scans, work.resolve("out"), "--keep-intermediates", keep.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());

        Path dir = keep.resolve("park_news");
        BufferedImage straightened = ImageIO.read(dir.resolve("0001-straightened.png").toFile());
        assertEquals(page.width(), straightened.getWidth());
        assertEquals(page.height(), straightened.getHeight());

        JsonNode regions = JobTestSupport.readJson(dir.resolve("0001-regions.json"));
        // the default detector, auto, keeps the X-Y cut on a clean page of horizontal lines
        assertEquals("auto:xy-cut", regions.get("detector").asText());
        List<String> kinds = new ArrayList<>();
        regions.get("regions").forEach(r -> kinds.add(r.get("kind").asText()));
        assertEquals(List.of("line", "line"), kinds, "one region per rendered line");

        JsonNode lines = JobTestSupport.readJson(dir.resolve("0001-lines.json")).get("lines");
        assertEquals(2, lines.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(text.get(i), lines.get(i).get("text").asText());
            int[] truth = page.lines().get(i).bbox();
            JsonNode box = lines.get(i).get("bbox");
            assertTrue(Math.abs(box.get(1).asInt() - truth[1]) < 20 && Math.abs(box.get(3).asInt() - truth[3]) < 20,
                    "line " + i + " at its place: " + box);
        }
    }
}
