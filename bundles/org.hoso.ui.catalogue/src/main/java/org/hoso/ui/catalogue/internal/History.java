package org.hoso.ui.catalogue.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo of catalogue changes made in the window (moves, edits). Each change is a {@link Change} that knows
 * how to do and undo itself against the catalogue; both run off the UI thread. Every run is a new catalogue change
 * with its own audit entry: undoing a move is a move back, so the audit log keeps the whole story.
 */
final class History {

    /** A change the user made, as it can be done again and undone. */
    abstract static class Change {
        private final String label;
        private final CatalogueSession.Changed affected;

        /**
         * @param label    what it is, in the user's words ("Chuyển 2 hồ sơ sang I.1")
         * @param affected the scheme nodes and files whose contents it changes, for the views to refresh
         */
        Change(String label, CatalogueSession.Changed affected) {
            this.label = label;
            this.affected = affected;
        }

        final String label() {
            return label;
        }

        final CatalogueSession.Changed affected() {
            return affected;
        }

        abstract void redo();

        abstract void undo();
    }

    private static final int LIMIT = 100;
    private final Deque<Change> done = new ArrayDeque<>();
    private final Deque<Change> undone = new ArrayDeque<>();

    /** Records a change that has just been made. */
    synchronized void done(Change change) {
        done.push(change);
        undone.clear();
        while (done.size() > LIMIT) {
            done.removeLast();
        }
    }

    /** The change an undo would undo, taken off the list (put back with {@link #failedUndo} if it fails). */
    synchronized Optional<Change> takeUndo() {
        return Optional.ofNullable(done.poll());
    }

    synchronized Optional<Change> takeRedo() {
        return Optional.ofNullable(undone.poll());
    }

    synchronized void undoneOk(Change change) {
        undone.push(change);
    }

    synchronized void redoneOk(Change change) {
        done.push(change);
    }

    synchronized void failedUndo(Change change) {
        done.push(change);
    }

    synchronized void failedRedo(Change change) {
        undone.push(change);
    }

    synchronized Optional<String> nextUndo() {
        return Optional.ofNullable(done.peek()).map(Change::label);
    }

    synchronized Optional<String> nextRedo() {
        return Optional.ofNullable(undone.peek()).map(Change::label);
    }
}
