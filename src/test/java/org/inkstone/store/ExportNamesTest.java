package org.inkstone.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Export names are one safe folder name each, never reserved, never another document's. */
class ExportNamesTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @Test
    void namesThatWouldLeaveTheFolderBecomeOrdinaryNames() {
        assertEquals("document", ExportNames.sanitize("...pdf"));
        assertEquals("document", ExportNames.sanitize("..pdf"));
        assertEquals("document", ExportNames.sanitize(".pdf"));
        assertEquals("hidden", ExportNames.sanitize(".hidden.pdf"));
        assertEquals("a_b_c", ExportNames.sanitize("a\\b:c.pdf"));
        assertEquals("晶報_1939-01-01", ExportNames.sanitize("晶報 1939-01-01.PDF"));
        assertEquals("x_y", ExportNames.sanitize("x\ny.pdf"));
        for (String bad : new String[] {"...pdf", "..pdf", "a/../b.pdf", "\\..\\x.pdf", "~.pdf", "%2e%2e.pdf"}) {
            String name = ExportNames.sanitize(bad);
            Path root = Path.of("/out");
            assertEquals(root, root.resolve(name).normalize().getParent(), bad + " → " + name);
            assertFalse(name.startsWith("."), name);
        }
    }

    @Test
    void longNamesAreCutToWhatFileSystemsAllow() {
        String name = ExportNames.sanitize("报".repeat(200) + ".pdf");
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= ExportNames.MAX_BYTES, name);
        assertEquals("报".repeat(50), name);
    }

    @Test
    void reservedAndTakenNamesGetTheHashAppended() {
        assertEquals("db-01234567", ExportNames.choose("db.pdf", SHA, n -> false));
        assertEquals("INDEX-01234567", ExportNames.choose("INDEX.pdf", SHA, n -> false));
        assertEquals("con-01234567", ExportNames.choose("con.pdf", SHA, n -> false));
        assertEquals("issue", ExportNames.choose("issue.pdf", SHA, n -> false));
        // a device name with an ending is still one: the hash goes on the stem
        assertEquals("aux-01234567.2025", ExportNames.choose("aux.2025.pdf", SHA, n -> false));
        assertFalse(ExportNames.reserved(ExportNames.choose("aux.2025.pdf", SHA, n -> false)));
        assertEquals("issue-01234567.v2", ExportNames.choose("issue.v2.pdf", SHA, Set.of("issue.v2")::contains));

        Set<String> taken = new HashSet<>(Set.of("clash"));
        assertEquals("Clash-01234567", ExportNames.choose("Clash.PDF", SHA, taken::contains));
        taken.add("clash-01234567");
        assertEquals("clash-0123456789abcdef", ExportNames.choose("clash.pdf", SHA, taken::contains));
    }
}
