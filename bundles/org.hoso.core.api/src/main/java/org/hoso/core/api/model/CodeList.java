package org.hoso.core.api.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A code list: the XML of a package carries the code, people see the label. The lists of TT 05/2025 ship as data
 * files ({@code code;Vietnamese;English}, {@code #} comments) so a province can load its official version instead.
 *
 * @since 0.1.0
 */
public final class CodeList {

    /** Built-in lists. */
    public static final String MAINTENANCE = "maintenance";
    public static final String MODE = "mode";
    public static final String CONFIDENCE_LEVEL = "confidence-level";
    public static final String FORMAT = "format";
    public static final String LANGUAGE = "language";
    public static final String DOCUMENT_TYPE = "document-type";

    /** One entry of a list. */
    public record Entry(String code, String vietnamese, String english) {
        public Entry {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(vietnamese, "vietnamese");
            Objects.requireNonNull(english, "english");
        }

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? english : vietnamese;
        }
    }

    private static final Map<String, CodeList> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();

    private final String name;
    private final Map<String, Entry> entries;
    /** Entries by their labels folded ({@link #fold}), Vietnamese first: what {@link #find} compares. */
    private final Map<String, Entry> byLabel = new java.util.HashMap<>();

    private CodeList(String name, Map<String, Entry> entries) {
        this.name = name;
        this.entries = entries;
        for (Entry e : entries.values()) {
            byLabel.putIfAbsent(fold(e.vietnamese()), e);
        }
        for (Entry e : entries.values()) {
            byLabel.putIfAbsent(VietnameseText.fold(e.english()), e);
        }
    }

    private static String fold(String label) {
        return VietnameseText.fold(label).replaceAll("\\s*-\\s*", " - ");
    }

    /**
     * A list shipped with Hoso, by name ({@link #MAINTENANCE}, {@link #DOCUMENT_TYPE}...). Read once: lists are
     * immutable.
     */
    public static CodeList builtIn(String name) {
        return BUILT_IN.computeIfAbsent(name, CodeList::readBuiltIn);
    }

    private static CodeList readBuiltIn(String name) {
        String resource = "codes/" + name + ".csv";
        InputStream in = CodeList.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no built-in code list named " + name);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(name, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a list in the shipped format.
     *
     * @throws IllegalArgumentException naming the list, the line number and the problem
     */
    public static CodeList read(String name, Reader reader) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(reader);
        String line;
        int no = 0;
        while ((line = in.readLine()) != null) {
            no++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split(";", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(name + ", line " + no + ": expected code;Vietnamese;English");
            }
            Entry e = new Entry(parts[0].strip(), parts[1].strip(), parts[2].strip());
            if (entries.putIfAbsent(e.code(), e) != null) {
                throw new IllegalArgumentException(name + ", line " + no + ": code " + e.code() + " twice");
            }
        }
        return new CodeList(name, entries);
    }

    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public Optional<Entry> get(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    /**
     * The entry a person meant: by code ("02", "2"), or by label in either language, ignoring case, diacritics and
     * extra spaces ("quyet dinh" finds "Quyết định").
     */
    public Optional<Entry> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.matches("\\d{1,2}")) {
            return get(t.length() == 1 ? "0" + t : t);
        }
        String folded = fold(t);
        Entry e = byLabel.get(folded);
        return e != null ? Optional.of(e) : Optional.ofNullable(byLabel.get(VietnameseText.fold(t)));
    }
}
