package org.inkstone.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkstone.article.Article;

/**
 * Writes each article of a document as plain UTF-8 text, {@code aNNN.txt} (the article's short
 * id): its title on the first line (empty when the article has none), a blank line, then the
 * cleaned article text with one paragraph per line, ending with a line break.
 */
public final class ArticleTextWriter {

    /**
     * @param article an article
     * @return the file's content: title, blank line, text (paragraphs separated by {@code \n}), final {@code \n}
     */
    public static String content(Article article) {
        return article.title() + "\n\n" + article.text() + "\n";
    }

    /**
     * @param article an article
     * @return its file name, e.g. {@code a003.txt}
     */
    public static String fileName(Article article) {
        return DocumentExport.localId(article) + ".txt";
    }

    /**
     * Writes {@code dir/aNNN.txt} for every article of the document.
     *
     * @param doc the document and its articles
     * @param dir the folder to write into (created if missing)
     * @throws IOException if a file cannot be written
     */
    public void write(DocumentExport doc, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Article a : doc.articles()) {
            Files.writeString(dir.resolve(fileName(a)), content(a), StandardCharsets.UTF_8);
        }
    }
}
