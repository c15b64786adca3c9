package org.hoso.store.derby.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.Provenance;

/**
 * Descriptions as compact JSON, for the DESCRIPTION columns and the audit entries: each distinct provenance once,
 * in {@code "@"}, and each field as its value and the index of its provenance:
 * {@code {"@":[["TYPED","lan",1.0,"2026-11-22T03:00:00Z"]],"title":["Hồ sơ ...",0]}}. Keys sorted, so equal
 * descriptions give equal text. Reads what it writes (objects, arrays, strings, numbers) and the first, longer form
 * with the provenance repeated in every field.
 */
final class JsonCodec {

    private JsonCodec() {
    }

    static String write(Description d) {
        // each distinct provenance once, fields pointing at it: an imported document's 13 fields share one
        Map<Provenance, Integer> index = new LinkedHashMap<>();
        for (Field<String> f : d.fields().values()) {
            index.putIfAbsent(f.provenance(), index.size());
        }
        StringBuilder sb = new StringBuilder(64 + 48 * d.fields().size()).append('{');
        if (!index.isEmpty()) {
            sb.append("\"@\":[");
            boolean first = true;
            for (Provenance p : index.keySet()) {
                sb.append(first ? "[\"" : ",[\"").append(p.source().name()).append("\",");
                string(sb, p.agent());
                sb.append(',').append(p.confidence()).append(",\"").append(p.at()).append("\"]");
                first = false;
            }
            sb.append(']');
        }
        for (Map.Entry<String, Field<String>> e : d.fields().entrySet()) {
            sb.append(',');
            string(sb, e.getKey());
            sb.append(":[");
            string(sb, e.getValue().value());
            sb.append(',').append(index.get(e.getValue().provenance())).append(']');
        }
        return sb.append('}').toString();
    }

    /** A JSON object of string values, keys in the given order. */
    static String object(Map<String, String> values) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            if (e.getValue().startsWith("{")) {
                sb.append(e.getValue());
            } else {
                string(sb, e.getValue());
            }
        }
        return sb.append('}').toString();
    }

    static Description read(String json) {
        Parser p = new Parser(json);
        Map<String, Object> top = p.object();
        Map<String, Field<String>> fields = new TreeMap<>();
        List<Provenance> provenances = new ArrayList<>();
        if (top.remove("@") instanceof List<?> list) {
            for (Object o : list) {
                List<?> a = (List<?>) o;
                provenances.add(new Provenance(Provenance.Source.valueOf((String) a.get(0)), (String) a.get(1),
                        ((Number) a.get(2)).doubleValue(), Instant.parse((String) a.get(3))));
            }
        }
        for (Map.Entry<String, Object> e : top.entrySet()) {
            if (e.getValue() instanceof List<?> f) {
                fields.put(e.getKey(), new Field<>((String) f.get(0),
                        provenances.get(((Number) f.get(1)).intValue())));
            } else {
                // the first form (before 0.2.0 shipped): {"v":..,"s":..,"a":..,"c":..,"t":..} per field
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) e.getValue();
                Provenance prov = new Provenance(Provenance.Source.valueOf((String) f.get("s")), (String) f.get("a"),
                        ((Number) f.get("c")).doubleValue(), Instant.parse((String) f.get("t")));
                fields.put(e.getKey(), new Field<>((String) f.get("v"), prov));
            }
        }
        return Description.of(fields);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A recursive-descent reader for the subset written above. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            expect('{');
            skip();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                skip();
                m.put(key, value());
                skip();
                char c = s.charAt(i++);
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("',' or '}'");
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '{') {
                return object();
            }
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                return array();
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("a value");
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            expect('[');
            skip();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                skip();
                list.add(value());
                skip();
                char c = s.charAt(i++);
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("',' or ']'");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("'" + c + "'");
            }
            i++;
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("more text");
            }
            return s.charAt(i);
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalStateException error(String expected) {
            return new IllegalStateException("stored description is not valid JSON: expected " + expected
                    + " at " + i);
        }
    }
}
