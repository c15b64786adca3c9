package org.hoso.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hoso.core.api.ServiceInfo;

/** What a bundle contributes, in a few words for a table cell: {@code RecordType (example.mapsheet), ...}. */
final class Contributions {

    private Contributions() {
    }

    /** {@code org.hoso.core.api.RecordType} becomes {@code RecordType}, {@code a.Outer$Inner} {@code Outer.Inner}. */
    static String shortName(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple.replace('$', '.');
    }

    /**
     * One phrase per service: its types by simple name, then its Hoso ids (the {@code hoso.*.id} properties, such
     * as {@code hoso.view.id}) in parentheses. Services that read the same are named once.
     */
    static String describe(List<ServiceInfo> services) {
        Set<String> phrases = new LinkedHashSet<>();
        for (ServiceInfo s : services) {
            StringBuilder phrase = new StringBuilder(String.join("/", s.types().stream()
                    .map(Contributions::shortName).toList()));
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, String> p : new TreeMap<>(s.properties()).entrySet()) {
                if (p.getKey().startsWith("hoso.") && p.getKey().endsWith(".id")) {
                    ids.add(p.getValue());
                }
            }
            if (!ids.isEmpty()) {
                phrase.append(" (").append(String.join(", ", ids)).append(')');
            }
            phrases.add(phrase.toString());
        }
        return String.join(", ", phrases);
    }
}
