package org.hoso.xlsx.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.VietnameseText;

/**
 * The column headings Hoso recognises: the table in {@code headings.csv} plus every field's own labels. Headings are
 * compared in a normal form ({@link #normal}): no case, diacritics, punctuation or extra spaces.
 */
final class Headings {

    /** Where a column's values go. */
    record Target(Scope scope, String key) {

        Target {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(key, "key");
        }

        /** A field of the file, of the document, of whichever the sheet describes, or a special column. */
        enum Scope {
            FILE, ITEM, ANY, SPECIAL
        }

        static Target parse(String text) {
            int dot = text.indexOf('.');
            if (dot < 0) {
                if (!SPECIALS.contains(text)) {
                    throw new IllegalArgumentException("unknown target: " + text);
                }
                return new Target(Scope.SPECIAL, text);
            }
            String key = text.substring(dot + 1);
            return switch (text.substring(0, dot)) {
                case "file" -> new Target(Scope.FILE, requireKey(FileFields.ALL, key));
                case "item" -> new Target(Scope.ITEM, requireKey(ItemFields.ALL, key));
                case "any" -> new Target(Scope.ANY, requireKey(ItemFields.ALL, requireKey(FileFields.ALL, key)));
                default -> throw new IllegalArgumentException("unknown target: " + text);
            };
        }

        private static String requireKey(java.util.List<FieldDefinition> fields, String key) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                throw new IllegalArgumentException("no field " + key);
            }
            return key;
        }

        boolean is(String special) {
            return scope == Scope.SPECIAL && key.equals(special);
        }

        /** As the import report names it: the field key or the special column's name. */
        @Override
        public String toString() {
            return key;
        }
    }

    static final String FILE_CODE = "fileCode";
    static final String FILE_NUMBER = "fileNumber";
    static final String ORDINAL = "ordinal";
    static final String FONDS_CODE = "fondsCode";
    static final String BOX = "box";
    static final String SCHEME = "scheme";
    static final String DATE_RANGE = "dateRange";
    static final String SHEETS_OR_PAGES = "sheetsOrPages";
    static final String NUMBER_NOTATION = "numberNotation";
    static final String TYPE_AND_ABSTRACT = "typeAndAbstract";
    static final String DAY = "day";
    static final String MONTH = "month";
    static final String YEAR = "year";
    static final Set<String> SPECIALS = Set.of(FILE_CODE, FILE_NUMBER, ORDINAL, FONDS_CODE, BOX, SCHEME, DATE_RANGE,
            SHEETS_OR_PAGES, NUMBER_NOTATION, TYPE_AND_ABSTRACT, DAY, MONTH, YEAR);

    private final Map<String, Target> byNormal;

    private Headings(Map<String, Target> byNormal) {
        this.byNormal = byNormal;
    }

    /** The built-in table. */
    static Headings builtIn() {
        try (InputStream in = Headings.class.getResourceAsStream("headings.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource headings.csv");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table ({@code target;heading} lines) and adds the fields' own labels where the table says nothing.
     *
     * @throws IllegalArgumentException naming the line that is wrong or that gives a heading two meanings
     */
    static Headings read(Reader reader) throws IOException {
        Map<String, Target> table = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(reader);
        String line;
        int no = 0;
        while ((line = in.readLine()) != null) {
            no++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int semi = l.indexOf(';');
            if (semi < 0) {
                throw new IllegalArgumentException("headings, line " + no + ": expected target;heading");
            }
            Target target;
            try {
                target = Target.parse(l.substring(0, semi).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("headings, line " + no + ": " + e.getMessage(), e);
            }
            String heading = normal(l.substring(semi + 1));
            Target before = table.putIfAbsent(heading, target);
            if (before != null && !before.equals(target)) {
                throw new IllegalArgumentException("headings, line " + no + ": \"" + heading + "\" already means "
                        + before);
            }
        }
        // the fields' own labels: a label that file and document share (Ghi chú, Ngôn ngữ...) means either
        Map<String, Target> labels = new HashMap<>();
        addLabels(labels, FileFields.ALL, Target.Scope.FILE);
        addLabels(labels, ItemFields.ALL, Target.Scope.ITEM);
        labels.forEach(table::putIfAbsent);
        return new Headings(table);
    }

    private static void addLabels(Map<String, Target> labels, java.util.List<FieldDefinition> fields,
            Target.Scope scope) {
        for (FieldDefinition f : fields) {
            for (String label : new String[] { f.labelVi(), f.labelEn() }) {
                String n = normal(label);
                Target mine = new Target(scope, f.key());
                Target other = labels.get(n);
                if (other == null) {
                    labels.put(n, mine);
                } else if (other.key().equals(f.key()) && other.scope() != scope) {
                    labels.put(n, new Target(Target.Scope.ANY, f.key()));
                }
            }
        }
    }

    /** The target of a heading, if it names one; a trailing "(1)" or "(*)" is ignored. */
    Optional<Target> find(String heading) {
        String n = normal(heading);
        Target t = byNormal.get(n);
        if (t == null) {
            String bare = normal(heading.replaceAll("\\([^()]*\\)\\s*$", "").replace("*", ""));
            t = byNormal.get(bare);
        }
        return Optional.ofNullable(t);
    }

    /** The target of a sub-heading under a group heading spanning several columns: "group / sub" first, then sub. */
    Optional<Target> find(String group, String sub) {
        Target t = byNormal.get(normal(group) + " " + normal(sub));
        return t != null ? Optional.of(t) : find(sub);
    }

    /** "Số, ký hiệu\nHỒ SƠ (2)" → "so ky hieu ho so 2": folded, punctuation as space, single spaces. */
    static String normal(String heading) {
        return VietnameseText.fold(heading).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
