package org.inkstone.store;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Derives a document's export name: the name of its export folder {@code OUTPUT/NAME/}, of its
 * searchable PDF, of its entries in the search index and the prefix of its article ids
 * ({@code NAME/aNNN}). The name comes from the file name, but it is made so that it can never
 * leave the output folder nor stand on anything else there:
 * <ul>
 * <li>the {@code .pdf} ending is dropped; every character that is not a letter or digit (of any
 * script: {@code 晶報} stays) nor {@code - _ .} becomes {@code _} (path separators, white space,
 * control characters, {@code : * ? " < > | % #}); leading and trailing dots go, so no name is
 * {@code .}, {@code ..} or hidden; an empty result becomes {@code document};</li>
 * <li>it is cut to {@value #MAX_BYTES} bytes of UTF-8 (file systems allow 255);</li>
 * <li>a name the output folder uses itself ({@link #RESERVED}: {@code db}, {@code index}, {@code logs}, …) or
 * one of the device names Windows reserves, or a name another document already has, with
 * letter case ignored ({@code clash.pdf} and {@code clash.PDF}, or the same file name in two
 * scans folders), gets {@code -} and the first 8 hex digits of the document's SHA-256 after its
 * stem, the part before the first dot (more digits in the unlikely case that is taken too).</li>
 * </ul>
 * A document keeps its export name once it is registered, also when its file is renamed or moved,
 * so its article ids and export paths stay stable.
 */
public final class ExportNames {

    /** Names of what the output folder holds besides export folders, compared without case. */
    public static final Set<String> RESERVED = Set.of("db", "index", "logs", "reports", "tmp");

    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    /** Longest export name before a hash suffix, bytes of UTF-8. */
    static final int MAX_BYTES = 150;

    private ExportNames() {
    }

    /**
     * @param fileName a scanned PDF's file name, e.g. {@code issue-2025-03-14.pdf}
     * @return the safe form of its name without {@code .pdf}, before any suffix for reserved or taken names
     */
    public static String sanitize(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.pdf$", "");
        StringBuilder sb = new StringBuilder(base.length());
        base.codePoints().forEach(c -> sb.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_'));
        String name = sb.toString().replaceAll("^\\.+|\\.+$", "");
        name = truncate(name);
        return name.isEmpty() ? "document" : name;
    }

    /**
     * Chooses a document's export name.
     *
     * @param fileName the document's file name
     * @param sha256   hex SHA-256 of its bytes (its identity; at least 16 digits)
     * @param taken    whether a name is already another document's, compared without case
     *                 (the predicate is given the lower-case name)
     * @return a name that is safe as one folder name, not reserved and not taken
     * @throws IllegalArgumentException if every suffix of the hash is taken
     */
    public static String choose(String fileName, String sha256, Predicate<String> taken) {
        String name = sanitize(fileName);
        if (!reserved(name) && !taken.test(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        // the hash goes after the stem (the part before the first dot): Windows reserves a device
        // name with any ending, so aux.2025 becomes aux-0123abcd.2025, not aux.2025-0123abcd
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot), rest = dot < 0 ? "" : name.substring(dot);
        for (int digits = 8; digits <= sha256.length(); digits += 8) {
            String candidate = stem + "-" + sha256.substring(0, digits).toLowerCase(Locale.ROOT) + rest;
            if (!taken.test(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no free export name for " + fileName);
    }

    /**
     * @param name a sanitized name
     * @return whether the output folder or the operating system uses the name itself
     */
    public static boolean reserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String stem = lower.contains(".") ? lower.substring(0, lower.indexOf('.')) : lower;
        return RESERVED.contains(lower) || WINDOWS_DEVICES.contains(stem);
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int n = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_BYTES) {
                break;
            }
            sb.appendCodePoint(c);
            bytes += n;
            i += Character.charCount(c);
        }
        return sb.toString().replaceAll("\\.+$", "");
    }
}
