package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.hoso.ui.internal.Layout.Perspective;
import org.hoso.ui.internal.Layout.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutTest {

    @TempDir
    Path home;

    @Test
    void eachTradeStepHasItsOwnPlacesAndUnknownViewsGoToTheMiddle() {
        Layout layout = new Layout(Optional.empty());
        assertEquals(Perspective.ARRANGEMENT, layout.perspective(), "arrangement first");
        assertEquals(Stack.LEFT, layout.stackOf(Perspective.ARRANGEMENT, "hoso.navigator"));
        assertEquals(Stack.MAIN, layout.stackOf(Perspective.REPORTS, "hoso.dashboard"));
        assertEquals(Stack.BOTTOM, layout.stackOf(Perspective.REPORTS, "hoso.editor"));
        assertEquals(Stack.RIGHT, layout.stackOf(Perspective.METADATA, "hoso.page"));
        assertEquals(Stack.MAIN, layout.stackOf(Perspective.METADATA, "province.sheets"));
    }

    @Test
    void theUsersLayoutIsRememberedAcrossSessions() throws Exception {
        Path file = home.resolve(".hoso/workbench.properties");
        Layout layout = new Layout(Optional.of(file));
        layout.perspective(Perspective.REPORTS);
        layout.move(Perspective.REPORTS, "hoso.plugins", Stack.RIGHT);
        layout.minimised(Perspective.REPORTS, Stack.BOTTOM, true);
        layout.language("en");
        layout.save();

        Layout again = new Layout(Optional.of(file));
        assertEquals(Perspective.REPORTS, again.perspective());
        assertEquals(Stack.RIGHT, again.stackOf(Perspective.REPORTS, "hoso.plugins"));
        assertEquals(Stack.MAIN, again.stackOf(Perspective.ARRANGEMENT, "hoso.plugins"), "per perspective");
        assertEquals(Set.of(Stack.BOTTOM), again.minimised(Perspective.REPORTS));
        assertEquals(Set.of(), again.minimised(Perspective.ARRANGEMENT));
        assertEquals(Optional.of("en"), again.language());
        again.minimised(Perspective.REPORTS, Stack.BOTTOM, false);
        assertEquals(Set.of(), again.minimised(Perspective.REPORTS));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aDamagedFileMeansTheDefaults() throws Exception {
        Path file = home.resolve("workbench.properties");
        Files.writeString(file, "perspective=nonsense\nreports.view.hoso.editor=upstairs\nlanguage=\\u00", 
                StandardCharsets.UTF_8);
        Layout layout = new Layout(Optional.of(file));
        assertEquals(Perspective.ARRANGEMENT, layout.perspective());
        assertEquals(Stack.BOTTOM, layout.stackOf(Perspective.REPORTS, "hoso.editor"));
        assertTrue(layout.language().isEmpty());
        assertTrue(Layout.settingsFile(null).orElseThrow().endsWith(Path.of(".hoso", "workbench.properties")));
    }
}
