package org.inkstone.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.layout.LayoutAnalyzer;
import org.inkstone.layout.PageLayout;
import org.inkstone.model.Bbox;
import org.inkstone.model.OcrLine;
import org.junit.jupiter.api.Test;

/** Articles joined across pages by their jump lines. */
class ArticleAssemblerTest {

    private static OcrLine line(String text, int x0, int y0, int charW, int h) {
        return new OcrLine(text, new Bbox(x0, y0, x0 + charW * text.length(), y0 + h), 0.9, List.of());
    }

    /** A page with two articles side by side, each ending with a jump line to page 4. */
    private static PageLayout front() {
        return front("行");
    }

    /** The same, each front-page fragment's last line ending with {@code lastMark}. */
    private static PageLayout front(String lastMark) {
        List<OcrLine> l = new ArrayList<>();
        String[] heads = {"甲文章的大标题在这里", "乙文章的大标题在这里"};
        for (int a = 0; a < 2; a++) {
            int x = 100 + a * 900;
            l.add(line(heads[a], x, 200, 80, 100));
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 10; i++) {
                    String end = c == 1 && i == 9 ? lastMark : "行";
                    l.add(line((a == 0 ? "甲" : "乙") + "文正文第" + c + "栏第" + i + end, x + c * 440, 340 + i * 60, 40, 56));
                }
            }
            l.add(line("(下转4版" + (a == 0 ? "①" : "②") + ")", x + 440 + 150, 340 + 10 * 60, 30, 56));
        }
        return new LayoutAnalyzer().analyze(1, 2000, 3000, l);
    }

    /** Page 4: the two continuations stacked, second first in the file but lower on the page. */
    private static PageLayout jumpPage(boolean withKeys) {
        List<OcrLine> l = new ArrayList<>();
        int[] tops = {1000, 200};
        String[] markers = withKeys ? new String[] {"◀◀上接1版②", "◀◀上接1版①"} : new String[] {"◀◀上接1版", "◀◀上接1版"};
        String[] who = {"乙", "甲"};
        for (int k = 0; k < 2; k++) {
            l.add(line(markers[k], 100, tops[k], 30, 56));
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 6; i++) {
                    l.add(line(who[k] + "文续文第" + c + "栏第" + i + "行", 100 + c * 440, tops[k] + 80 + i * 60, 40, 56));
                }
            }
        }
        return new LayoutAnalyzer().analyze(4, 2000, 3000, l);
    }

    @Test
    void joinsFragmentsByCircledNumbers() {
        check(new ArticleAssembler().assemble("doc", List.of(front(), jumpPage(true))));
    }

    @Test
    void joinsFragmentsInReadingOrderWithoutNumbers() {
        check(new ArticleAssembler().assemble("doc", List.of(front(), jumpPage(false))));
    }

    @Test
    void aSentenceThatRunsOnAcrossTheJumpStaysOneParagraphAndAFinishedOneDoesNot() {
        for (Article a : new ArticleAssembler().assemble("doc", List.of(front(), jumpPage(true)))) {
            assertEquals(false, a.text().contains("\n"), "runs on across the jump: " + a.text());
        }
        for (Article a : new ArticleAssembler().assemble("doc", List.of(front("。"), jumpPage(true)))) {
            assertEquals(true, a.text().contains("第9。\n"), "the sentence ends before the jump: " + a.text());
        }
    }

    @Test
    void aJumpLineWhosePageWasNotReadContinuesOnThePageWhoseContinuationNamesItsPage() {
        List<OcrLine> l = new ArrayList<>();
        l.add(line("甲文章的大标题在这里", 100, 200, 80, 100));
        for (int i = 0; i < 10; i++) {
            l.add(line("甲文正文第0栏第" + i + "行", 100, 340 + i * 60, 40, 56));
        }
        l.add(line("(下转第?版)", 250, 340 + 10 * 60, 30, 56));
        PageLayout front = new LayoutAnalyzer().analyze(1, 2000, 3000, l);
        List<OcrLine> m = new ArrayList<>();
        m.add(line("乙文章的大标题在这里", 100, 200, 80, 100));
        for (int i = 0; i < 6; i++) {
            m.add(line("乙文正文第0栏第" + i + "行", 100, 340 + i * 60, 40, 56));
        }
        PageLayout second = new LayoutAnalyzer().analyze(2, 2000, 3000, m);
        List<OcrLine> n = new ArrayList<>();
        n.add(line("(上接第1版)", 100, 200, 30, 56));
        for (int i = 0; i < 6; i++) {
            n.add(line("甲文续文第0栏第" + i + "行", 100, 280 + i * 60, 40, 56));
        }
        PageLayout third = new LayoutAnalyzer().analyze(3, 2000, 3000, n);

        List<Article> articles = new ArticleAssembler().assemble("doc", List.of(front, second, third));

        assertEquals(2, articles.size(), articles.toString());
        Article a = articles.get(0);
        assertEquals(List.of(1, 3), a.fragments().stream().map(Article.Fragment::page).toList());
        assertEquals(3, a.continued().get(0).toPage());
        assertEquals(true, a.text().contains("甲文续文第0栏第0行"), a.text());
    }

    @Test
    void aReviewersEditsSplitJoinAndMoveFragments() {
        List<PageLayout> pages = List.of(front(), jumpPage(true));
        List<Article> machine = new ArticleAssembler().assemble("doc", pages);
        Article jia = machine.get(0), yi = machine.get(1);
        String jiaFront = StructureEdit.key(jia.fragments().get(0)), jiaCont = StructureEdit.key(jia.fragments().get(1));
        String yiFront = StructureEdit.key(yi.fragments().get(0)), yiCont = StructureEdit.key(yi.fragments().get(1));

        // unlink the jump of 甲: its continuation becomes an article of its own
        List<StructureEdit> edits = new ArrayList<>(List.of(new StructureEdit(StructureEdit.Op.UNLINK, jiaCont, null)));
        List<Article> split = new ArticleAssembler().assemble("doc", pages, edits);
        assertEquals(3, split.size(), split.toString());
        assertEquals(List.of(1), split.get(0).fragments().stream().map(Article.Fragment::page).toList());
        assertEquals(false, split.get(0).text().contains("甲文续文"), split.get(0).text());
        assertEquals(true, split.stream().anyMatch(a -> a.fragments().size() == 1 && a.fragments().get(0).page() == 4
                && a.text().startsWith("甲文续文")), split.toString());

        // link it back: as the machine had it
        edits.add(new StructureEdit(StructureEdit.Op.LINK, jiaCont, jiaFront));
        assertEquals(machine, new ArticleAssembler().assemble("doc", pages, edits));

        // move 乙's continuation after 甲's: 甲 reads on into both, 乙 keeps its front page
        List<Article> moved = new ArticleAssembler().assemble("doc", pages,
                List.of(new StructureEdit(StructureEdit.Op.MOVE, yiCont, jiaCont)));
        assertEquals(2, moved.size());
        assertEquals(List.of(1, 4, 4), moved.get(0).fragments().stream().map(Article.Fragment::page).toList());
        assertEquals(true, moved.get(0).text().endsWith("乙文续文第1栏第5行"), moved.get(0).text());
        assertEquals(List.of(1), moved.get(1).fragments().stream().map(Article.Fragment::page).toList());

        // edits naming fragments the layout does not have, or closing a circle, are passed over
        assertEquals(machine, new ArticleAssembler().assemble("doc", pages, List.of(
                new StructureEdit(StructureEdit.Op.UNLINK, "9:1", null),
                new StructureEdit(StructureEdit.Op.LINK, jiaFront, jiaCont))));
        assertEquals(yiFront, StructureEdit.key(machine.get(1).fragments().get(0)));
    }

    private static void check(List<Article> articles) {
        assertEquals(2, articles.size());
        for (Article a : articles) {
            String who = a.title().substring(0, 1);
            assertEquals(List.of(1, 4), a.fragments().stream().map(Article.Fragment::page).toList());
            assertEquals(1, a.continued().size());
            assertEquals(4, a.continued().get(0).toPage());
            String text = a.text().replace("\n", "");
            assertEquals(text.indexOf(who + "文正文第0栏第0行"), 0, text);
            int frontEnd = text.indexOf(who + "文正文第1栏第9行");
            int contStart = text.indexOf(who + "文续文第0栏第0行");
            assertEquals(true, frontEnd >= 0 && contStart > frontEnd, "front page text first, then the continuation: " + text);
            assertEquals(false, text.contains("下转") || text.contains("上接"), "jump lines are not article text");
        }
    }
}
