package org.hoso.example.internal;

import java.util.List;
import java.util.Locale;

import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.FieldDefinition.ValueType;
import org.hoso.core.api.Localization;
import org.hoso.core.api.RecordType;
import org.osgi.service.component.annotations.Component;

/** The example record type: a cadastral map sheet with its own description fields. */
@Component
@RecordType.Kind(id = ExampleSheetType.ID)
public final class ExampleSheetType implements RecordType {

    static final String ID = "example.mapsheet";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label(Locale locale) {
        return Localization.messages("org.hoso.example.internal.messages", locale, getClass().getClassLoader())
                .getString("recordType.label");
    }

    @Override
    public List<FieldDefinition> fields() {
        return List.of(
                new FieldDefinition("sheetNumber", "Số tờ", "Sheet number", ValueType.TEXT, true),
                new FieldDefinition("parcelNumbers", "Số thửa", "Parcel numbers", ValueType.TEXT, false),
                new FieldDefinition("scale", "Tỷ lệ", "Scale", ValueType.CODE, true),
                new FieldDefinition("commune", "Xã, phường", "Commune or ward", ValueType.TEXT, true),
                new FieldDefinition("coordinateSystem", "Hệ tọa độ", "Coordinate system", ValueType.CODE, false));
    }
}
