package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

import org.hoso.core.api.Localization;
import org.junit.jupiter.api.Test;

/**
 * The workbench on a machine without an X server. Run by its own Surefire execution, in a JVM whose environment
 * has no {@code DISPLAY} (see the pom); the default execution skips it.
 */
class NoDisplayTest {

    @Test
    void openingWithoutDisplaySaysSoInWords() throws Exception {
        assertNull(System.getenv("DISPLAY"), "this test must run without DISPLAY");
        WorkbenchImpl workbench = new WorkbenchImpl(new FakePlatform(), Localization.VIETNAMESE, java.util.Optional.empty());

        IllegalStateException e = assertThrows(IllegalStateException.class, workbench::open);
        System.out.println("[no-display] " + e.getMessage());

        assertTrue(e.getMessage().startsWith("Không mở được màn hình đồ họa (DISPLAY=chưa đặt)"), e.getMessage());
        assertTrue(e.getMessage().contains("xvfb-run"), e.getMessage());
        assertTrue(workbench.display().isEmpty());
        assertTrue(workbench.shell().isEmpty());
        assertTrue(workbench.awaitClosed(Duration.ofSeconds(1)), "nothing is open");
        assertTrue(Files.isDirectory(Paths.get(System.getProperty("swt.library.path"))),
                "the SWT library folder is created before SWT needs it");

        // SWT leaves GTK locked after a failed init: a second attempt must fail at once, not hang
        IllegalStateException english = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                IllegalStateException.class, new WorkbenchImpl(new FakePlatform(), Locale.ENGLISH, java.util.Optional.empty())::open));
        assertTrue(english.getMessage().startsWith("Cannot open a graphical display (DISPLAY=not set)"),
                english.getMessage());
        assertEquals(IllegalStateException.class, english.getClass());
    }
}
