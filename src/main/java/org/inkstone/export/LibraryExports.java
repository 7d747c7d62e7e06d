package org.inkstone.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a document's exports for libraries into its export folder {@code OUTPUT/NAME/}, next
 * to {@code articles.json}:
 * <ul>
 * <li>{@code alto/NNNN.xml}: ALTO 4.4 per page ({@link AltoWriter});</li>
 * <li>{@code NAME.pdf}: the searchable PDF ({@link SearchablePdfWriter});</li>
 * <li>{@code text/aNNN.txt}: plain text per article ({@link ArticleTextWriter});</li>
 * <li>{@code page/NNNN.xml}: PAGE XML 2019 per page, for correction tools ({@link PageXmlWriter});</li>
 * <li>{@code mets.xml}: METS of the issue, pointing into the ALTO files ({@link MetsWriter});</li>
 * <li>{@code manifest.json}: the IIIF Presentation 3 manifest ({@link ManifestWriter}).</li>
 * </ul>
 * Each export is written beside its place under a temporary name and then moved into place,
 * replacing what an earlier run wrote (a folder as a whole, so files of articles that no
 * longer exist go too). When one export fails its earlier version is removed as well (unless
 * something other than an export stands in its place), so no export is older than the stored text; the failure is printed to standard error naming the
 * document and kept for the run's summary ({@link #failures()}), and the other exports and
 * documents go on. Nothing in the database is touched.
 */
public final class LibraryExports implements Closeable {

    /** Folder of the ALTO files inside a document's export folder. */
    public static final String ALTO_DIR = "alto";
    /** Folder of the article text files inside a document's export folder. */
    public static final String TEXT_DIR = "text";

    /**
     * An export that could not be written.
     *
     * @param sourceName file name of the document, e.g. {@code issue-2025-03-14.pdf}
     * @param export     which export, e.g. {@code searchable PDF}
     * @param path       where it should have gone
     * @param error      why it failed
     */
    public record Failure(String sourceName, String export, Path path, String error) {
    }

    private final AltoWriter alto;
    private final SearchablePdfWriter pdf;
    private final String configuredLanguage;
    private final ArticleTextWriter text = new ArticleTextWriter();
    private final MetsWriter mets;
    private final ManifestWriter manifest;
    private final PageXmlWriter pageXml;
    private final Publication publication;
    private final PrintStream err;
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param pdf the searchable PDF writer (closed with this object)
     * @param err where failures are reported as they happen, usually {@code System.err}
     */
    public LibraryExports(SearchablePdfWriter pdf, PrintStream err) {
        this(pdf, err, null, Publication.LOCAL);
    }

    /**
     * @param pdf                the searchable PDF writer (closed with this object)
     * @param err                where failures are reported as they happen, usually {@code System.err}
     * @param configuredLanguage the collection's Tesseract language ({@code inkstone.ocr.language}):
     *                           the language the exports declare for pages stored before the model
     *                           they were read with was recorded (the others declare that model's);
     *                           null when not known
     * @param publication        where the reading room is published, for the URLs in METS
     */
    public LibraryExports(SearchablePdfWriter pdf, PrintStream err, String configuredLanguage, Publication publication) {
        this.alto = new AltoWriter(configuredLanguage);
        this.mets = new MetsWriter(configuredLanguage);
        this.manifest = new ManifestWriter(configuredLanguage);
        this.pageXml = new PageXmlWriter(configuredLanguage);
        this.publication = publication;
        this.pdf = pdf;
        this.err = err;
        this.configuredLanguage = configuredLanguage;
    }

    /** Something that writes an export into a path. */
    @FunctionalInterface
    private interface Export {
        void writeTo(Path path) throws IOException;
    }

    /**
     * Writes the exports of one document. Never throws for a failed export: failures are
     * reported and recorded (see the class comment).
     *
     * @param doc    the document, its pages, layouts and articles
     * @param folder its export folder, {@code OUTPUT/NAME}
     * @return the failures of this document, empty when all were written
     */
    public List<Failure> write(DocumentExport doc, Path folder) {
        List<Failure> mine = new ArrayList<>();
        String name = doc.document().exportName();
        run(doc, "ALTO", folder.resolve(ALTO_DIR), true, dir -> alto.write(doc, dir), mine);
        run(doc, "searchable PDF", folder.resolve(name + ".pdf"), false, file -> pdf.write(doc, file, configuredLanguage), mine);
        run(doc, "article text", folder.resolve(TEXT_DIR), true, dir -> text.write(doc, dir), mine);
        run(doc, "PAGE XML", folder.resolve(PageXmlWriter.DIR), true, dir -> pageXml.write(doc, dir, publication), mine);
        run(doc, "METS", folder.resolve(MetsWriter.FILE_NAME), false, file -> mets.write(doc, file, publication), mine);
        run(doc, "IIIF manifest", folder.resolve(ManifestWriter.FILE_NAME), false,
                file -> manifest.write(doc, file, publication), mine);
        return mine;
    }

    /** @return every failure since this object was made, in the order they happened */
    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    private void run(DocumentExport doc, String what, Path target, boolean folder, Export export, List<Failure> mine) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Path old = target.resolveSibling(target.getFileName() + ".old");
        try {
            Files.createDirectories(target.getParent());
            delete(tmp);
            delete(old);
            export.writeTo(tmp);
            if (folder) {
                if (Files.exists(target)) {
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                delete(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            String reason = describe(e);
            Failure f = new Failure(doc.document().sourceName(), what, target, reason);
            synchronized (this) {
                failures.add(f);
            }
            mine.add(f);
            err.println("inkstone: " + what + " export of " + f.sourceName() + " failed (" + target + "): " + reason);
            try {
                delete(tmp);
                delete(old);
                if (Files.isDirectory(target) == folder) {
                    delete(target);
                }
            } catch (IOException | RuntimeException again) {
                err.println("inkstone: could not remove the outdated " + target + ": " + again.getMessage());
            }
        }
    }

    /** @return why an export failed, for the operator: the message, or for a file system error its kind and file */
    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getClass().getSimpleName() + ": " + fs.getMessage();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Deletes a file or a folder with its content, if present. */
    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> all = Files.walk(p)) {
                for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        } else {
            Files.delete(p);
        }
    }

    /** Releases the PDF writer's font. */
    @Override
    public void close() throws IOException {
        pdf.close();
    }
}
