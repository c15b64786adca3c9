package org.hoso.digitise.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.hoso.digitise.api.DigitisationService.Batch;
import org.hoso.digitise.api.DigitisationService.Document;
import org.hoso.digitise.api.DigitisationService.Skipped;

/**
 * Plans a batch from folders: which entry is which document of which file unit. Pure file-system work, so that the
 * rules can be tested without a catalogue.
 */
final class Batches {

    /** The extensions read as scans (case-insensitive). */
    static final Set<String> SCAN_EXTENSIONS = Set.of("tif", "tiff", "jpg", "jpeg", "png", "pdf");

    /** Names by their letters, runs of digits by their value: "2" before "10", "trang 9" before "trang 10". */
    static final Comparator<Path> NATURAL = (a, b) -> natural(a.getFileName().toString(),
            b.getFileName().toString());

    private Batches() {
    }

    /**
     * @param isFile whether a name is a file code of the fonds
     */
    static Batch plan(List<Path> paths, String fondsCode, Optional<String> fileCode, Predicate<String> isFile)
            throws IOException {
        List<Document> documents = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (fileCode.isPresent()) {
            List<Path> entries = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    entries.addAll(list(p));
                } else {
                    entries.add(p);
                }
            }
            documents(fileCode.get(), entries, documents, skipped, 1);
            return new Batch(fondsCode, documents, skipped);
        }
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                skipped.add(new Skipped(p, Texts.both("batch.noFile", p.getFileName())));
            } else if (isFile.test(p.getFileName().toString())) {
                documents(p.getFileName().toString(), list(p), documents, skipped, 1);
            } else {
                boolean any = false;
                for (Path sub : list(p)) {
                    if (Files.isDirectory(sub) && isFile.test(sub.getFileName().toString())) {
                        documents(sub.getFileName().toString(), list(sub), documents, skipped, 1);
                        any = true;
                    } else {
                        skipped.add(new Skipped(sub, Texts.both("batch.noFile", sub.getFileName())));
                    }
                }
                if (!any) {
                    skipped.add(new Skipped(p, Texts.both("batch.noFileFolders", p.getFileName())));
                }
            }
        }
        return new Batch(fondsCode, documents, skipped);
    }

    private static void documents(String fileCode, List<Path> entries, List<Document> documents,
            List<Skipped> skipped, int first) throws IOException {
        int position = first;
        for (Path e : entries) {
            if (Files.isDirectory(e)) {
                List<Path> pages = new ArrayList<>();
                for (Path page : list(e)) {
                    if (isScan(page)) {
                        pages.add(page);
                    } else {
                        skipped.add(new Skipped(page, Texts.both("batch.notScan", page.getFileName())));
                    }
                }
                if (!pages.isEmpty()) {
                    documents.add(new Document(fileCode, position++, pages));
                }
            } else if (isScan(e)) {
                documents.add(new Document(fileCode, position++, List.of(e)));
            } else {
                skipped.add(new Skipped(e, Texts.both("batch.notScan", e.getFileName())));
            }
        }
    }

    static boolean isScan(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(p) && !name.startsWith(".") && dot > 0
                && SCAN_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The entries of a folder in natural order, hidden ones left out. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted(NATURAL).toList();
        }
    }

    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
