package org.inkstone.web;

import org.inkstone.RequiresTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.inkstone.InkstoneApplication;
import org.inkstone.ingest.TestPdfs;
import org.inkstone.search.SampleRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reading room as an HTTP server on localhost, spoken to over plain sockets so that
 * requests a well-behaved client would never send (malformed percent-encoding, characters
 * not allowed in a URL, foreign {@code Host} headers) reach it as they are: every error is
 * answered in the API's JSON form, foreign hosts are refused, the security headers are sent,
 * and a server that stops leaves nothing in the temporary folder. Runs the real application
 * over the real job's output (the sample issue, and a PDF whose second page cannot be read).
 */
@RequiresTesseract
class ReadingRoomServerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    static final String EXTRA_HOST = "reading.example.org", ALLOWED_HOSTS = "inkstone.serve.allowed-hosts";

    static ConfigurableApplicationContext app;
    static int port;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        app = ReadingRoom.start(SampleRun.output(), 0, "--" + ALLOWED_HOSTS + "=" + EXTRA_HOST);
        port = port(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    /** An HTTP answer: status, headers (names in lower case) and body. */
    record Raw(int status, Map<String, String> headers, String body) {
        String type() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() {
            assertTrue(type().startsWith("application/json") || type().startsWith("application/ld+json"), "JSON expected, got " + type() + ": " + body);
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    /**
     * Sends one HTTP/1.0 request exactly as given (so the server closes the connection after
     * answering and never chunks the body).
     *
     * @param port    server port on 127.0.0.1
     * @param method  request method
     * @param target  request target, sent byte for byte
     * @param host    value of the {@code Host} header, or null for none
     * @param headers further header lines
     */
    static Raw raw(int port, String method, String target, String host, String... headers) throws IOException {
        StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.0\r\n");
        if (host != null) {
            req.append("Host: ").append(host).append("\r\n");
        }
        for (String h : headers) {
            req.append(h).append("\r\n");
        }
        req.append("\r\n");
        byte[] answer;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            answer = buf.toByteArray();
        }
        String text = new String(answer, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no HTTP answer to " + method + " " + target + ": " + text);
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            h.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
        }
        return new Raw(status, h, text.substring(end + 4));
    }

    static Raw get(String target) throws IOException {
        return raw(port, "GET", target, "127.0.0.1:" + port);
    }

    /** An error answer in the API's JSON form, without any trace of a stack or an HTML page. */
    static void assertJsonError(int status, Raw r, String what) {
        assertEquals(status, r.status(), what + ": " + r);
        JsonNode body = r.json();
        assertEquals(status, body.get("status").asInt(), what + ": " + r);
        assertFalse(body.get("message").asString().isBlank(), what + ": " + r);
        assertFalse(r.body().contains("<html") || r.body().contains("Exception") || r.body().contains("\tat "), what + ": " + r);
    }

    @Test
    void aPageThatCouldNotBeReadHasNoImage() throws Exception {
        Path scans = Files.createDirectories(work.resolve("broken-scans")), output = work.resolve("broken-output");
        TestPdfs.brokenSecondPage(scans.resolve("halfbroken.pdf"));
        assertEquals(1, InkstoneApplication.execute("run", "--scans", scans.toString(), "--output", output.toString(),
                "--workers", "1"), "the job records the unreadable page and goes on");
        ConfigurableApplicationContext broken = ReadingRoom.start(output, 0);
        try {
            int p = port(broken);
            JsonNode docs = JSON.readTree(raw(p, "GET", "/api/documents", "localhost:" + p).body());
            assertEquals(1, docs.size(), docs.toString());
            JsonNode failed = null, done = null;
            for (JsonNode page : docs.get(0).get("pages")) {
                if ("failed".equals(page.get("status").asString())) {
                    failed = page;
                } else {
                    done = page;
                }
            }
            assertNotNull(failed, docs.toString());
            assertNotNull(done, docs.toString());
            String service = failed.get("image").asString();
            String name = java.net.URLEncoder.encode(docs.get(0).get("name").asString(), StandardCharsets.UTF_8).replace("+", "%20");
            for (String target : List.of(service + "/info.json", service + "/full/max/0/default.jpg",
                    service + "/0,0,10,10/5,/0/default.jpg",
                    "/api/documents/" + name + "/pages/" + failed.get("page").asInt() + "/image")) {
                Raw r = raw(p, "GET", target, "localhost:" + p);
                assertJsonError(404, r, target);
                assertTrue(r.json().get("message").asString().contains("could not be read"), r.toString());
            }
            Raw info = raw(p, "GET", done.get("image").asString() + "/info.json", "localhost:" + p);
            assertEquals(200, info.status(), info.toString());
            assertEquals(done.get("width").asInt(), info.json().get("width").asInt());
            assertTrue(info.json().get("width").asInt() > 0);
        } finally {
            broken.close();
        }
    }

    @Test
    void malformedRequestsAreAnsweredInJson() throws Exception {
        List<String> targets = List.of(
                "/api/search?q=%",
                "/api/search?q=%zz",
                "/api/search?q=%E6%B1",
                "/api/search?q=a%",
                "/api/search?%=1",
                "/api/search?q={x}",
                "/api/search?q=<x>",
                "/api/documents/%",
                "/api/documents/%zz",
                "/api/documents/a%00b",
                "/api/documents/a%2Fb",
                "/api/documents/a%5Cb",
                "/api/documents/a|b",
                "/api/documents/a{b}",
                "/iiif/%/1/info.json",
                "/iiif/" + SampleRun.NAME + "/1/%/max/0/default.jpg",
                "/iiif/" + SampleRun.NAME + "/%G1/info.json",
                "/api/../../etc/passwd",
                "/api/%2e%2e/%2e%2e/etc/passwd",
                "api/search?q=x",
                "*");
        for (String target : targets) {
            Raw r = get(target);
            assertTrue(r.status() == 400 || r.status() == 404, target + ": " + r);
            assertJsonError(r.status(), r, target);
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "TRACE")) {
            Raw r = raw(port, method, "/api/search?q=x", "127.0.0.1:" + port);
            assertJsonError(405, r, method);
        }
        // a method HTTP does not define is refused by Spring Security's firewall
        assertJsonError(400, raw(port, "FOO", "/api/search?q=x", "127.0.0.1:" + port), "FOO");
        Raw media = raw(port, "POST", "/iiif/" + SampleRun.NAME + "/1/info.json", "127.0.0.1:" + port,
                "Content-Type: application/x-unknown", "Content-Length: 0");
        assertTrue(media.status() == 405 || media.status() == 415, media.toString());
        assertJsonError(media.status(), media, "POST with a body");
        assertJsonError(400, raw(port, "GET", "/api/search?q=x", "127.0.0.1:" + port, "X-Long: " + "x".repeat(20_000)),
                "an oversized header");
        assertJsonError(400, raw(port, "GET", "/api/search?q=x", "bad host name!"), "a malformed Host");
        Raw html = raw(port, "GET", "/api/search?q=%", "127.0.0.1:" + port, "Accept: text/html");
        assertJsonError(400, html, "a browser's malformed request");
    }

    @Test
    void theErrorPathIsNotAPage() throws Exception {
        assertJsonError(404, get("/error"), "/error");
        assertJsonError(404, raw(port, "GET", "/error", "127.0.0.1:" + port, "Accept: text/html"), "/error as HTML");
        assertJsonError(404, get("/error?status=500"), "/error with a query");
    }

    @Test
    void onlyLocalAndConfiguredHostNamesAreServed() throws Exception {
        for (String host : List.of("localhost", "localhost:" + port, "LocalHost:" + port, "127.0.0.1", "127.0.0.1:" + port,
                "[::1]", "[::1]:" + port, EXTRA_HOST, EXTRA_HOST + ":" + port)) {
            Raw r = raw(port, "GET", "/api/documents", host);
            assertEquals(200, r.status(), host + ": " + r);
        }
        for (String host : List.of("evil.example", "evil.example:" + port, "localhost.evil.example", "127.0.0.1.nip.io:" + port,
                "10.0.0.1", "[::2]:" + port, "reading.example.org.evil.example")) {
            for (String target : List.of("/", "/app.js", "/api/documents", "/iiif/" + SampleRun.NAME + "/1/info.json", "/nothing")) {
                Raw r = raw(port, "GET", target, host);
                assertJsonError(421, r, host + " " + target);
                assertTrue(r.json().get("message").asString().contains(ALLOWED_HOSTS), r.toString());
            }
        }
    }

    @Test
    void securityHeadersAreSentWithEveryAnswer() throws Exception {
        for (Raw r : List.of(get("/"), get("/app.js"), get("/style.css"), get("/api/documents"),
                get("/iiif/" + SampleRun.NAME + "/1/full/100,/0/default.jpg"), get("/api/nothing"), get("/api/search?q=%"),
                get("/api/search?q=%28"), raw(port, "GET", "/", "evil.example"))) {
            assertEquals(CSP, r.headers().get("content-security-policy"), r.toString());
            assertEquals("nosniff", r.headers().get("x-content-type-options"), r.toString());
            assertEquals("DENY", r.headers().get("x-frame-options"), r.toString());
            assertEquals("no-referrer", r.headers().get("referrer-policy"), r.toString());
        }
    }

    @Test
    void aStoppedServerLeavesNoTomcatFoldersInTheTemporaryFolder() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> before = tomcatEntries(tmp);
        int p;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            p = free.getLocalPort();
        }
        // a set port rather than 0: Tomcat's folders are named after the configured port
        ConfigurableApplicationContext server = ReadingRoom.start(SampleRun.output(), p);
        assertEquals(200, raw(p, "GET", "/", "localhost:" + p).status());
        Path folder = server.getBean(TomcatSetup.class).folder();
        assertTrue(Files.isDirectory(folder.resolve("tomcat")), "Tomcat works in " + folder);
        server.close();
        // a later server in the same JVM must not bring the folder back
        ReadingRoom.start(SampleRun.output(), 0).close();
        assertFalse(Files.exists(folder), folder + " is left");
        List<String> left = new ArrayList<>();
        for (String name : tomcatEntries(tmp)) {
            // Tomcat names its folders tomcat.PORT.N and tomcat-docbase.PORT.N
            if (!before.contains(name) && name.contains("." + p + ".")) {
                left.add(name);
            }
        }
        assertEquals(List.of(), left, "left in " + tmp);
    }

    private static Set<String> tomcatEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> out = new HashSet<>();
            s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("tomcat")).forEach(out::add);
            return out;
        }
    }

    @Test
    void pageImagesAreDecodedWithoutImageioCacheFiles() throws Exception {
        Path cache = Files.createDirectories(work.resolve("imageio-cache"));
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            cache.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            ConfigurableApplicationContext server = ReadingRoom.start(SampleRun.output(), 0);
            try {
                int p = port(server);
                for (int page = 1; page <= 3; page++) {
                    Raw r = raw(p, "GET", "/iiif/" + SampleRun.NAME + "/" + page + "/full/200,/0/default.jpg", "localhost:" + p);
                    assertEquals(200, r.status(), r.toString());
                    assertEquals("image/jpeg", r.type());
                }
            } finally {
                server.close();
            }
            List<String> created = new ArrayList<>();
            WatchKey key = watch.poll(1, TimeUnit.SECONDS);
            if (key != null) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    created.add(String.valueOf(e.context()));
                }
            }
            assertEquals(List.of(), created, "ImageIO cache files made while serving page images");
            assertFalse(ImageIO.getUseCache());
        } finally {
            ImageIO.setCacheDirectory(null);
        }
    }
}
