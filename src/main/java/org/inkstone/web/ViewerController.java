package org.inkstone.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A standard IIIF viewer for the issues' manifests: Mirador 4 (https://projectmirador.org/), as
 * the launcher installs it from the npm package {@code mirador} into the folder named by the
 * property {@value #PROPERTY} (environment variable {@code READING_ROOM_VIEWER}, which the launcher
 * sets), by default {@code ~/.local/share/inkstone/viewer}.
 *
 * <ul>
 * <li>{@code GET /viewer/?manifest=URL} — the viewer page, opening the manifest (e.g.
 *     {@code /iiif/NAME/manifest}) with its search panel (IIIF Content Search);</li>
 * <li>{@code GET /viewer/mirador.min.js}, {@code /viewer/LICENSE} — the installed viewer;
 *     {@code /viewer/viewer.js}, {@code /viewer/viewer.css} — the page's own script and style.</li>
 * </ul>
 * Without the installed viewer these answer HTTP 404 with how to install it. The viewer's pages
 * are sent with a content security policy that admits the inline styles Mirador's components
 * write ({@link SecurityHeaders}).
 */
@RestController
public class ViewerController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);

    /** The property naming the viewer's folder. */
    public static final String PROPERTY = "reading-room.viewer";

    private final Path dir;

    /** @param dir the folder holding {@code mirador.min.js}; blank for none */
    public ViewerController(@Value("${" + PROPERTY + ":${user.home}/.local/share/inkstone/viewer}") String dir) {
        this.dir = dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /**
     * @return the viewer page
     * @throws ApiErrors.NotFound when the viewer is not installed (HTTP 404)
     * @throws IOException        if the page cannot be read
     */
    @GetMapping({"/viewer", "/viewer/", "/viewer/index.html"})
    public ResponseEntity<byte[]> page() throws IOException {
        installed();
        return own("index.html", MediaType.TEXT_HTML);
    }

    /**
     * @return a file of the viewer
     * @throws ApiErrors.NotFound for a file that is not the viewer's, or when it is not installed (HTTP 404)
     * @throws IOException        if the file cannot be read
     */
    @GetMapping("/viewer/{file}")
    public ResponseEntity<?> file(@PathVariable String file) throws IOException {
        switch (file) {
            case "viewer.js":
                return own(file, JAVASCRIPT);
            case "viewer.css":
                return own(file, new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8));
            case "mirador.min.js", "LICENSE": {
                Path f = installed().resolve(file);
                MediaType type = file.endsWith(".js") ? JAVASCRIPT : MediaType.TEXT_PLAIN;
                Resource body = new FileSystemResource(f);
                return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1))).body(body);
            }
            default:
                throw new ApiErrors.NotFound("no viewer file " + file);
        }
    }

    private Path installed() {
        if (dir == null || !Files.isRegularFile(dir.resolve("mirador.min.js"))) {
            throw new ApiErrors.NotFound("the IIIF viewer (Mirador) is not installed: ./inkstone setup serve installs it");
        }
        return dir;
    }

    private static ResponseEntity<byte[]> own(String name, MediaType type) throws IOException {
        try (InputStream in = new ClassPathResource("viewer/" + name).getInputStream()) {
            return ResponseEntity.ok().contentType(type).body(in.readAllBytes());
        }
    }
}
