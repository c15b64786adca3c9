package org.hoso.core.api.model;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FieldTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static Field<String> typed(String v) {
        return new Field<>(v, Provenance.typed("lan", T0));
    }

    private static Field<String> imported(String v) {
        return new Field<>(v, Provenance.imported("muc-luc.xlsx!Sheet1", T0));
    }

    private static Field<String> extracted(String v, double confidence, Instant at) {
        return new Field<>(v, Provenance.extracted("nd30.header", confidence, at));
    }

    @Test
    void aPersonsValueIsNeverOverwrittenByAMachine() {
        Field<String> person = typed("Quyết định về việc sáp nhập");
        assertSame(person, Field.resolve(Optional.of(person), extracted("Quyết định về việc sáp", 0.99, T1)));
        assertSame(person, Field.resolve(Optional.of(person),
                new Field<>("x", Provenance.derived("file.dates", T1))));
        assertSame(person, Field.resolve(Optional.of(person), imported("re-imported")));
        Field<String> inventory = imported("Hồ sơ hội nghị");
        assertSame(inventory, Field.resolve(Optional.of(inventory), extracted("Hồ sơ hội", 0.99, T1)));
    }

    @Test
    void aPersonCorrectsAMachineAndAReimportReplacesAnImport() {
        Field<String> machine = extracted("03/CT-UBN", 0.7, T0);
        Field<String> fix = typed("03/CT-UBND");
        assertSame(fix, Field.resolve(Optional.of(machine), fix));
        Field<String> newer = imported("corrected");
        assertSame(newer, Field.resolve(Optional.of(imported("old")), newer));
    }

    @Test
    void betweenMachinesTheMoreConfidentWinsThenTheNewer() {
        Field<String> weak = extracted("a", 0.5, T0);
        Field<String> strong = extracted("b", 0.9, T0);
        assertSame(strong, Field.resolve(Optional.of(weak), strong));
        assertSame(strong, Field.resolve(Optional.of(strong), weak));
        Field<String> sameLater = extracted("c", 0.9, T1);
        assertSame(sameLater, Field.resolve(Optional.of(strong), sameLater));
        Field<String> derived = new Field<>("2025", Provenance.derived("file.dates", T0));
        assertSame(derived, Field.resolve(Optional.of(strong), derived));
        assertSame(weak, Field.resolve(Optional.empty(), weak));
    }

    @Test
    void confidenceMustBeAProbability() {
        assertThrows(IllegalArgumentException.class, () -> Provenance.extracted("x", 1.2, T0));
        assertThrows(IllegalArgumentException.class, () -> Provenance.extracted("x", Double.NaN, T0));
    }
}
