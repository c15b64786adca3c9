package org.hoso.core.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.hoso.core.api.FixityReport;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.StoredObject;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The object store as a service: it lives in the workspace the framework was given, and keeps what it is given. */
class ObjectStoreIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ObjectStore store;

    @Test
    void storesInTheWorkspaceReadsBackAndVerifies() throws Exception {
        byte[] content = ("Biên bản bàn giao tài liệu, " + context.getBundle(0).getSymbolicName())
                .getBytes(StandardCharsets.UTF_8);

        StoredObject stored = store.put(new ByteArrayInputStream(content));

        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                stored.id().hex());
        assertEquals(content.length, stored.size());
        assertEquals(stored, store.put(new ByteArrayInputStream(content)), "the same bytes are the same object");
        assertEquals(Optional.of(stored), store.find(stored.id()));
        try (InputStream in = store.open(stored.id())) {
            assertArrayEquals(content, in.readAllBytes());
        }
        Path objects = Paths.get(context.getProperty("hoso.workspace"), "objects").toAbsolutePath().normalize();
        Path file = store.path(stored.id());
        assertTrue(file.startsWith(objects), file + " is in " + objects);
        assertArrayEquals(content, Files.readAllBytes(file));

        assertTrue(store.verify(stored.id()));
        FixityReport report = store.verify();
        assertTrue(report.intact(), report.problems().toString());
        assertTrue(report.objects() >= 1 && report.bytes() >= content.length, report.toString());
    }
}
