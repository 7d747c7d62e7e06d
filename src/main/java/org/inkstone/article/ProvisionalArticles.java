package org.inkstone.article;

import java.util.ArrayList;
import java.util.List;
import org.inkstone.model.OcrBlock;
import org.inkstone.model.OcrLine;
import org.inkstone.store.PageRecord;
import org.inkstone.text.ChineseText;

/**
 * Article segmentation at its simplest: every OCR text block is one article fragment, its lines
 * joined into one paragraph. Used until layout analysis finds headlines, columns and jumps.
 */
public final class ProvisionalArticles {

    private ProvisionalArticles() {
    }

    /**
     * @param documentName export name of the document, used as the id prefix
     * @param pages        the document's stored pages, in page order
     * @return one article per text block, in page and block order
     */
    public static List<Article> fromBlocks(String documentName, List<PageRecord> pages) {
        List<Article> articles = new ArrayList<>();
        for (PageRecord page : pages) {
            for (OcrBlock block : page.blocks()) {
                StringBuilder text = new StringBuilder();
                for (OcrLine line : block.lines()) {
                    text.append(line.text()).append(' ');
                }
                String id = String.format("%s/a%03d", documentName, articles.size() + 1);
                articles.add(new Article(id, "", ChineseText.removeSpacesAroundHan(text.toString()),
                        List.of(new Article.Fragment(page.pageNo(), block.bbox())), List.of()));
            }
        }
        return articles;
    }
}
