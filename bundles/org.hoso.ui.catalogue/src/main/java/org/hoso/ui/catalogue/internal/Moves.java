package org.hoso.ui.catalogue.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.SchemeNode;

/** The undoable moves of the navigator: files to another scheme node, documents into another file or place. */
final class Moves {

    /** "Past the end" for {@link CatalogueService#moveItem}: the document goes last. */
    static final int AT_END = Integer.MAX_VALUE;

    private Moves() {
    }

    /** Files to another node; undone by moving each back to the node it came from. */
    static History.Change files(CatalogueService catalogue, String user, List<FileUnit> files, SchemeNode to,
            String label) {
        List<FileUnit> moving = List.copyOf(files);
        Set<Long> nodes = new HashSet<>();
        moving.forEach(f -> nodes.add(f.schemeNodeId()));
        nodes.add(to.id());
        CatalogueSession.Changed affected = new CatalogueSession.Changed(Set.copyOf(nodes), Set.of());
        return new History.Change(label, affected) {
            @Override
            void redo() {
                moving.forEach(f -> catalogue.moveFile(f.id(), to.id(), user));
            }

            @Override
            void undo() {
                moving.forEach(f -> catalogue.moveFile(f.id(), f.schemeNodeId(), user));
            }
        };
    }

    /**
     * Documents into file {@code toFileId} from {@code position} on (in the order given), the files renumbered by
     * the catalogue; undone by putting each back at its old place, lowest old position first, so every one lands
     * where it was.
     */
    static History.Change items(CatalogueService catalogue, String user, List<Item> items, long toFileId,
            int position, String label) {
        List<Item> moving = List.copyOf(items);
        Set<Long> files = new HashSet<>();
        moving.forEach(i -> files.add(i.fileId()));
        files.add(toFileId);
        CatalogueSession.Changed affected = new CatalogueSession.Changed(Set.of(), Set.copyOf(files));
        return new History.Change(label, affected) {
            @Override
            void redo() {
                int at = position;
                for (Item i : moving) {
                    catalogue.moveItem(i.id(), toFileId, at, user);
                    if (at != AT_END) {
                        at++;
                    }
                }
            }

            @Override
            void undo() {
                List<Item> back = new ArrayList<>(moving);
                back.sort(Comparator.comparingLong(Item::fileId).thenComparingInt(Item::position));
                back.forEach(i -> catalogue.moveItem(i.id(), i.fileId(), i.position(), user));
            }
        };
    }
}
