package org.hoso.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.InventoryService.ImportReport;
import org.hoso.core.api.InventoryService.Layout;
import org.hoso.core.api.InventoryService.Problem;
import org.hoso.core.api.InventoryService.SheetReport;
import org.junit.jupiter.api.Test;

/** What {@code hoso import xlsx} says about where a problem is, in both languages and in JSON. */
class ImportCommandTest {

    private static final ImportReport REPORT = new ImportReport("muc-luc.xlsx", "H49", List.of(new SheetReport(
            "Mục lục", Optional.of(Layout.FILE_INVENTORY), 9, Map.of("A", "fileCode"), Map.of(), 1, 0)),
            List.of(new Problem("Mục lục", 12, "D", "Thời gian\nbắt đầu", "\"31/02/2001\" is not a valid date"),
                    new Problem("", 0, "", "", "the file is empty")),
            List.of(), List.of(), false, 0, 0, 0, Optional.empty(), 0);

    @Test
    void problemsNameTheFileSheetRowAndColumn() {
        Reports vi = new Reports(Locale.forLanguageTag("vi"));
        assertEquals("muc-luc.xlsx, trang tính \"Mục lục\", dòng 12, cột D (Thời gian bắt đầu): \"31/02/2001\" is not a "
                + "valid date", ImportCommand.where(vi, REPORT, REPORT.problems().get(0)));
        Reports en = new Reports(Locale.ENGLISH);
        assertEquals("muc-luc.xlsx, sheet \"Mục lục\", row 12, column D (Thời gian bắt đầu): \"31/02/2001\" is not a "
                + "valid date", ImportCommand.where(en, REPORT, REPORT.problems().get(0)));
        assertEquals("muc-luc.xlsx: the file is empty", ImportCommand.where(en, REPORT, REPORT.problems().get(1)));
    }

    @Test
    void jsonKeepsEveryField() {
        String json = Json.write(ImportCommand.json(REPORT));
        assertEquals("{\"file\":\"muc-luc.xlsx\",\"fonds\":\"H49\",\"imported\":false,\"files\":0,\"items\":0,"
                + "\"schemeNodesCreated\":0,\"sourceObject\":null,\"auditSeq\":0,\"sheets\":[{\"sheet\":\"Mục lục\","
                + "\"layout\":\"FILE_INVENTORY\",\"headerRow\":9,\"columns\":{\"A\":\"fileCode\"},\"unmatched\":{},"
                + "\"files\":1,\"items\":0}],\"problems\":[{\"sheet\":\"Mục lục\",\"row\":12,\"column\":\"D\","
                + "\"heading\":\"Thời gian\\nbắt đầu\",\"message\":\"\\\"31/02/2001\\\" is not a valid date\"},"
                + "{\"sheet\":\"\",\"row\":0,\"column\":\"\",\"heading\":\"\",\"message\":\"the file is empty\"}],"
                + "\"warnings\":[],\"skippedFiles\":[]}", json);
    }
}
