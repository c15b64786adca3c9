package org.hoso.core.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetentionAndCodesTest {

    @Test
    void readsRetentionAsInventoriesWriteIt() {
        assertEquals(RetentionPeriod.Kind.PERMANENT, RetentionPeriod.parse("Vĩnh viễn", "import").kind());
        assertEquals(RetentionPeriod.Kind.PERMANENT, RetentionPeriod.parse(" VINH  VIEN ", "import").kind());
        assertEquals(70, RetentionPeriod.parse("70 năm", "import").years());
        assertEquals(10, RetentionPeriod.parse("10", "import").years());
        assertEquals(50, RetentionPeriod.parse("03", "import").years());
        RetentionPeriod c = RetentionPeriod.parse("Đến khi hết hiệu lực", "import");
        assertEquals(RetentionPeriod.Kind.CONDITIONAL, c.kind());
        assertEquals("Đến khi hết hiệu lực", c.condition());
    }

    @Test
    void mapsToTheMaintenanceCodes() {
        assertEquals("01", RetentionPeriod.permanent("r").maintenanceCode());
        assertEquals("02", RetentionPeriod.years(70, "r").maintenanceCode());
        assertEquals("06", RetentionPeriod.years(10, "r").maintenanceCode());
        assertEquals("07", RetentionPeriod.years(5, "r").maintenanceCode());
        assertEquals("07", RetentionPeriod.conditional("Theo tuổi thọ công trình", "r").maintenanceCode());
    }

    @Test
    void aFileTakesTheLongestPeriodOfItsDocuments() {
        RetentionPeriod ten = RetentionPeriod.years(10, "a");
        RetentionPeriod seventy = RetentionPeriod.years(70, "b");
        assertEquals(seventy, RetentionPeriod.longest(ten, seventy));
        assertEquals(RetentionPeriod.Kind.PERMANENT,
                RetentionPeriod.longest(seventy, RetentionPeriod.permanent("c")).kind());
        assertEquals(Optional.of(2035), ten.lastYear(2025));
        assertEquals("Vĩnh viễn", RetentionPeriod.permanent("c").label(Locale.forLanguageTag("vi")));
        assertEquals("70 years", seventy.label(Locale.ENGLISH));
    }

    @Test
    void builtInCodeListsFindWhatPeopleType() {
        CodeList types = CodeList.builtIn(CodeList.DOCUMENT_TYPE);
        assertEquals(32, types.entries().size());
        assertEquals("02", types.find("quyet dinh").orElseThrow().code());
        assertEquals("22", types.find("CÔNG VĂN").orElseThrow().code());
        assertEquals("Official letter", types.find("22").orElseThrow().label(Locale.ENGLISH));
        assertEquals("02", types.find("2").orElseThrow().code());
        assertTrue(types.find("không có").isEmpty());
        CodeList languages = CodeList.builtIn(CodeList.LANGUAGE);
        assertEquals("06", languages.find("Việt-Anh").orElseThrow().code());
        for (String name : new String[] { CodeList.MAINTENANCE, CodeList.MODE, CodeList.CONFIDENCE_LEVEL,
                CodeList.FORMAT }) {
            assertTrue(CodeList.builtIn(name).entries().size() >= 3, name);
        }
    }

    @Test
    void aProvinceListIsReadWithClearErrors() throws Exception {
        CodeList own = CodeList.read("maintenance", new StringReader("# ours\n01;Vĩnh viễn;Permanent\n08;5 năm;5 years\n"));
        assertEquals("5 năm", own.get("08").orElseThrow().vietnamese());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodeList.read("x", new StringReader("01;A;B\n01;C;D\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void foldsAndRecomposesVietnamese() {
        assertEquals("quyet dinh", VietnameseText.fold("  Quyết   ĐỊNH "));
        String decomposed = "Ho\u0302\u0300 so\u031b";
        assertEquals("Hồ sơ", VietnameseText.nfc(decomposed));
        assertEquals(Marks.Access.SECRET, Marks.Secrecy.TOI_MAT.minimumAccess());
        assertEquals("03", Marks.Access.SECRET.code());
    }
}
