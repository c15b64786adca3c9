package org.hoso.core.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.hoso.core.api.ObjectStore;

/** The real object store for this module's tests (its constructor on a folder is package-private). Test code only. */
public final class TestObjectStores {

    private TestObjectStores() {
    }

    public static ObjectStore open(Path dir) throws IOException {
        return new FileObjectStore(dir);
    }
}
