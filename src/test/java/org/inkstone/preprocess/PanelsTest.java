package org.inkstone.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.fixture.PageRenderer;
import org.inkstone.fixture.PageRenderer.NewspaperPage;
import org.inkstone.fixture.PageRenderer.TextCursor;
import org.inkstone.fixture.RenderedPage;
import org.inkstone.fixture.TruthLine;
import org.inkstone.model.Bbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text on tinted panels and beside photos joined to frames, on a rendered, degraded page: a lead
 * paragraph in white type on a mid-gray panel with a photo touching its lower edge and columns
 * beside the photo; a framed sidebar whose photo touches its frame, with text under the photo;
 * black type on a light gray panel. Every body line is found whole as a line, and the photos stay
 * photos that hold no text.
 */
class PanelsTest {

    static final List<String> LEAD = List.of(
            "本报讯 记者昨日从市民政局获悉，全市八十岁以上老人中独居者已超过一万两千人，社区养老服务需求持续增长，"
                    + "民政部门将在年内新增社区长者食堂四十家。");
    static final List<String> BESIDE = List.of(
            "据介绍，新增的长者食堂将优先布局在老旧小区集中的街道，为行动不便的老人提供送餐上门服务，"
                    + "每餐价格控制在十五元以内，低保家庭老人可享受减免。",
            "市民政局有关负责人表示，今年还将培训养老护理员两千名，推动专业护理服务进社区、进家庭。");
    static final List<String> SIDEBAR = List.of(
            "家住东门街道的李阿姨今年八十二岁，每天中午都到社区食堂吃饭，她说饭菜软烂可口，还能和老邻居聊聊天。");
    static final List<String> LIGHT = List.of(
            "链接：全市现有养老机构一百二十家，床位一万八千张，护理型床位占比超过六成。");

    static RenderedPage page;
    static PreparedPage prepared;

    @BeforeAll
    static void render() {
        NewspaperPage p = new NewspaperPage();
        int pitch = NewspaperPage.BODY_PITCH, top = NewspaperPage.MARGIN_TOP;
        // the lead paragraph on a mid-gray panel over columns 0-2, white type
        int panelBottom = top + 40 + 3 * pitch;
        p.tint(0, 3, top, panelBottom, 110);
        p.inkGray(255);
        p.flow(new TextCursor(LEAD), "a1#1:body", 0, 3, top + 30, panelBottom - 20, true, null, null);
        p.inkGray(0);
        // a photo touching the panel's lower edge in column 0, the article's columns beside it
        p.picture(p.columnX(0) - NewspaperPage.GUTTER / 2, panelBottom, NewspaperPage.COLUMN_WIDTH, 700, 11L);
        p.flow(new TextCursor(BESIDE), "a1#2:body", 1, 2, panelBottom + 40, panelBottom + 40 + 9 * pitch, false, null,
                null);
        // a framed sidebar over columns 3-4: its photo touches the frame, its text under the photo
        int x0 = p.columnX(3) - 20, x1 = p.columnX(3) + p.spanWidth(2) + 20, frameBottom = top + 460 + 4 * pitch;
        p.hRule(x0, x1, top, 3);
        p.hRule(x0, x1, frameBottom, 3);
        p.vRule(x0, top, frameBottom + 3, 3);
        p.vRule(x1, top, frameBottom + 3, 3);
        p.picture(x0, top, x1 - x0 + 1, 400, 12L);
        p.flow(new TextCursor(SIDEBAR), "a2#1:body", 3, 2, top + 440, frameBottom - 20, true, null, null);
        // black type on a light gray panel under the sidebar
        int lightTop = frameBottom + 80;
        p.tint(3, 2, lightTop, lightTop + 40 + 2 * pitch, 200);
        p.flow(new TextCursor(LIGHT), "a3#1:body", 3, 2, lightTop + 30, lightTop + 20 + 2 * pitch, true, null, null);
        page = p.finish(9L);
        prepared = new PagePreprocessor().prepare(new PagePreprocessor().toGray(page.image()));
    }

    private static double overlap(Bbox b, int[] t) {
        int w = Math.min(b.x1(), t[2]) - Math.max(b.x0(), t[0]);
        int h = Math.min(b.y1(), t[3]) - Math.max(b.y0(), t[1]);
        return w <= 0 || h <= 0 ? 0 : (double) w * h / ((t[2] - t[0]) * (t[3] - t[1]));
    }

    private static int[] corners(TextRegion r) {
        return new int[] {r.bbox().x0(), r.bbox().y0(), r.bbox().x1(), r.bbox().y1()};
    }

    @Test
    void everyBodyLineIsFoundWhole() {
        List<TextRegion> lines = prepared.regions().stream().filter(r -> r.kind() == TextRegion.Kind.LINE).toList();
        List<String> missed = new ArrayList<>();
        int body = 0;
        for (TruthLine t : page.lines()) {
            body++;
            List<TextRegion> hits = lines.stream().filter(r -> overlap(r.bbox(), t.bbox()) > 0.2).toList();
            // truth boxes end with the last character's advance: a final 。 inks only a quarter of its cell
            Bbox truth = new Bbox(t.x0(), t.y0(), t.x1(), t.y1());
            if (hits.size() != 1 || overlap(hits.get(0).bbox(), t.bbox()) < 0.75 && overlap(truth, corners(hits.get(0))) < 0.8) {
                missed.add(t.region() + " " + t.text() + " -> " + hits);
            }
        }
        assertTrue(body >= 12, "lines drawn: " + body);
        assertEquals(List.of(), missed, "regions: " + prepared.regions());
    }

    @Test
    void thePhotosStayPhotosAndHoldNoText() {
        List<TextRegion> images = prepared.regions().stream().filter(r -> r.kind() == TextRegion.Kind.IMAGE).toList();
        assertTrue(images.size() >= 2, "photos: " + images);
        for (TruthLine t : page.lines()) {
            for (TextRegion img : images) {
                assertTrue(overlap(img.bbox(), t.bbox()) < 0.2, t + " under photo " + img);
            }
        }
        // the photo beside the lead's columns (396 × 700 px under the panel) is photo, in one piece or more
        int[] drawn = {NewspaperPage.MARGIN_X - NewspaperPage.GUTTER / 2, NewspaperPage.MARGIN_TOP + 40 + 3 * NewspaperPage.BODY_PITCH,
                NewspaperPage.MARGIN_X - NewspaperPage.GUTTER / 2 + NewspaperPage.COLUMN_WIDTH,
                NewspaperPage.MARGIN_TOP + 40 + 3 * NewspaperPage.BODY_PITCH + 700};
        double covered = images.stream().mapToDouble(r -> overlap(r.bbox(), drawn)).sum();
        assertTrue(covered >= 0.8, "photo covered " + covered + " by " + images);
    }
}
