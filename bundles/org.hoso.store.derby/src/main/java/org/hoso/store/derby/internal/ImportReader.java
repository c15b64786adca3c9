package org.hoso.store.derby.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hoso.core.api.CatalogueService.NewFile;
import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.Field;

/**
 * Reads an import's files on a second thread while the importing transaction writes: reading the batch (which may
 * parse a sheet or generate records), validating each description and encoding it as JSON is about a fifth of an
 * import's work, and here it runs beside Derby's inserts instead of before them. At most {@value #AHEAD} files are
 * read ahead, so memory stays bounded. A file that cannot be read fails the import, with its row, when the writer
 * reaches it; closing the reader stops the thread.
 */
final class ImportReader implements Iterable<ImportReader.ReadyFile>, AutoCloseable {

    /** A file ready to be written: its description and documents validated and encoded. */
    record ReadyFile(NewFile source, Description description, String json, List<Description> items,
            List<String> itemJson) {
    }

    private static final int AHEAD = 256;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean closed;

    ImportReader(Iterable<NewFile> files) {
        thread = new Thread(() -> read(files), "hoso-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(Iterable<NewFile> files) {
        try {
            for (NewFile nf : files) {
                if (!put(ready(nf))) {
                    return;
                }
            }
            put(END);
        } catch (RuntimeException | Error e) {
            put(e);
        }
    }

    static ReadyFile ready(NewFile nf) {
        Description description;
        try {
            description = Description.of(nf.fields());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + nf.sourceRow() + ", file " + nf.fileCode() + ": "
                    + e.getMessage(), e);
        }
        List<Description> items = new ArrayList<>(nf.items().size());
        List<String> json = new ArrayList<>(nf.items().size());
        int position = 1;
        for (Map<String, Field<String>> fields : nf.items()) {
            try {
                Description d = Description.of(fields);
                items.add(d);
                json.add(JsonCodec.write(d));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + nf.sourceRow() + ", file " + nf.fileCode()
                        + ", document " + position + ": " + e.getMessage(), e);
            }
            position++;
        }
        return new ReadyFile(nf, description, JsonCodec.write(description), items, json);
    }

    /** Hands one element to the writer; false when the reader was closed meanwhile. */
    private boolean put(Object o) {
        try {
            while (!closed) {
                if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public Iterator<ReadyFile> iterator() {
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("import interrupted", e);
                    }
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                return next != END;
            }

            @Override
            public ReadyFile next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ReadyFile f = (ReadyFile) next;
                next = null;
                return f;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
