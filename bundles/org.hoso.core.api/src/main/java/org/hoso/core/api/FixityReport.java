package org.hoso.core.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of re-hashing every object in the {@link ObjectStore}: how much was checked and what is wrong.
 *
 * @param objects  number of object files checked, the bad ones included
 * @param bytes    bytes read to check them
 * @param problems every damaged object and every file that does not belong in the store, ordered by file
 * @since 0.2.0
 */
public record FixityReport(long objects, long bytes, List<Problem> problems) {

    public FixityReport {
        problems = List.copyOf(problems);
    }

    /** True when every object still has the bytes it was stored with and nothing else is in the store. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * One thing wrong in the store. Front ends show {@link #kind()} in the user's language and {@link #file()} and
     * {@link #detail()} as they are.
     *
     * @param file   the file, relative to the store's folder, with {@code /} separators (e.g. {@code ab/cd/abcd...})
     * @param id     the object the file holds by its place in the store; empty for an unexpected file
     * @param kind   what is wrong
     * @param detail the technical reason: for a mismatch the expected and the actual SHA-256, for an unreadable file
     *               the error
     */
    public record Problem(String file, Optional<ObjectId> id, Kind kind, String detail) {

        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
        }

        /** Kinds of fixity problems. */
        public enum Kind {
            /** The object's bytes no longer hash to its id: it was changed or damaged after it was stored. */
            HASH_MISMATCH,
            /** The object (or a folder of the store) could not be read. */
            UNREADABLE,
            /** A file that is not an object at its place: the store never writes one, someone else did. */
            UNEXPECTED_FILE
        }
    }
}
