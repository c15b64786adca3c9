package org.hoso.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's lock within one process; ProductIT runs two real processes on one workspace. */
class WorkspaceLockTest {

    @TempDir
    Path workspace;

    @Test
    void aHeldWorkspaceNamesItsHolderAndIsFreeAgainOnceLetGo() throws Exception {
        Path ws = workspace.resolve("new/ws");
        try (WorkspaceLock held = WorkspaceLock.take(ws, "gui")) {
            WorkspaceLock.InUse e = assertThrows(WorkspaceLock.InUse.class, () -> WorkspaceLock.take(ws, "fonds"));
            assertTrue(e.holder.startsWith("pid " + ProcessHandle.current().pid() + ", `hoso gui`, "), e.holder);
        }
        try (WorkspaceLock again = WorkspaceLock.take(ws, "fonds")) {
            assertTrue(java.nio.file.Files.readString(ws.resolve(WorkspaceLock.FILE)).contains("`hoso fonds`"));
        }
    }

    @Test
    void onlyCommandsThatOpenTheWorkspaceTakeIt() {
        assertTrue(WorkspaceLock.needed(Optional.of("gui")));
        assertTrue(WorkspaceLock.needed(Optional.of("shell")));
        assertTrue(WorkspaceLock.needed(Optional.of("digitise")));
        assertFalse(WorkspaceLock.needed(Optional.of("version")));
        assertFalse(WorkspaceLock.needed(Optional.of("plugins")));
        assertFalse(WorkspaceLock.needed(Optional.of("ocr")), "works on the files it is given");
        assertFalse(WorkspaceLock.needed(Optional.of("extract")));
        assertFalse(WorkspaceLock.needed(Optional.empty()));
    }

    @Test
    void theMessageIsVietnameseUnlessEnglishWasAskedFor() {
        String vi = Main.text("vi", "workspace.inUse", "/w", "pid 7, `hoso gui`, 2026-12-03 15:44:02");
        assertTrue(vi.startsWith("hoso: không gian làm việc /w đang được một tiến trình Hoso khác dùng (pid 7"), vi);
        assertTrue(vi.contains("`hoso shell`"), vi);
        String en = Main.text("en", "workspace.inUse", "/w", "pid 7");
        assertTrue(en.startsWith("hoso: the workspace /w is in use by another Hoso process (pid 7)."), en);
    }
}
