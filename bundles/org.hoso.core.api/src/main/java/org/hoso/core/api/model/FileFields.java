package org.hoso.core.api.model;

import java.util.List;
import java.util.Map;

import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.FieldDefinition.ValueType;

/**
 * The described fields of a file unit (TT 05/2025 file metadata), with their Vietnamese and English labels.
 *
 * @since 0.1.0
 */
public final class FileFields {

    public static final String TITLE = "title";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String RETENTION = "retention";
    public static final String ACCESS = "access";
    public static final String LANGUAGE = "language";
    public static final String KEYWORDS = "keywords";
    public static final String DOCUMENT_COUNT = "documentCount";
    public static final String SHEET_COUNT = "sheetCount";
    public static final String PAGE_COUNT = "pageCount";
    public static final String PHYSICAL_CONDITION = "physicalCondition";
    public static final String INFO_CODE = "infoCode";
    public static final String CONFIDENCE_LEVEL = "confidenceLevel";
    public static final String PAPER_FILE_CODE = "paperFileCode";
    /** The inventory (mục lục số) the file is listed in: a fonds may have several, e.g. permanent and term files. */
    public static final String INVENTORY_NUMBER = "inventoryNumber";
    /** Who formed the file (người lập hồ sơ), as the Decree 30 file list names them. */
    public static final String CREATOR = "creator";
    public static final String NOTES = "notes";

    /** Every field, in the order of the inventory form. */
    public static final List<FieldDefinition> ALL = List.of(
            new FieldDefinition(TITLE, "Tiêu đề hồ sơ", "File title", ValueType.TEXT, true),
            new FieldDefinition(START_DATE, "Thời gian bắt đầu", "Start date", ValueType.DATE, false),
            new FieldDefinition(END_DATE, "Thời gian kết thúc", "End date", ValueType.DATE, false),
            new FieldDefinition(RETENTION, "Thời hạn bảo quản", "Retention", ValueType.TEXT, false),
            new FieldDefinition(ACCESS, "Chế độ sử dụng", "Access", ValueType.CODE, false),
            new FieldDefinition(LANGUAGE, "Ngôn ngữ", "Language", ValueType.CODE, false),
            new FieldDefinition(KEYWORDS, "Từ khóa", "Keywords", ValueType.TEXT, false),
            new FieldDefinition(DOCUMENT_COUNT, "Tổng số văn bản", "Number of documents", ValueType.INTEGER, false),
            new FieldDefinition(SHEET_COUNT, "Số lượng tờ", "Sheets", ValueType.INTEGER, false),
            new FieldDefinition(PAGE_COUNT, "Số lượng trang", "Pages", ValueType.INTEGER, false),
            new FieldDefinition(PHYSICAL_CONDITION, "Tình trạng vật lý", "Physical condition", ValueType.CODE, false),
            new FieldDefinition(INFO_CODE, "Ký hiệu thông tin", "Information code", ValueType.TEXT, false),
            new FieldDefinition(CONFIDENCE_LEVEL, "Mức độ tin cậy", "Reliability", ValueType.CODE, false),
            new FieldDefinition(PAPER_FILE_CODE, "Mã hồ sơ giấy gốc", "Original paper file code", ValueType.TEXT,
                    false),
            new FieldDefinition(INVENTORY_NUMBER, "Mục lục số", "Inventory number", ValueType.TEXT, false),
            new FieldDefinition(CREATOR, "Người lập hồ sơ", "File creator", ValueType.TEXT, false),
            new FieldDefinition(NOTES, "Ghi chú", "Notes", ValueType.TEXT, false));

    /** The code list of each CODE field. */
    public static final Map<String, String> CODE_LISTS = Map.of(ACCESS, CodeList.MODE, LANGUAGE, CodeList.LANGUAGE,
            PHYSICAL_CONDITION, CodeList.FORMAT, CONFIDENCE_LEVEL, CodeList.CONFIDENCE_LEVEL);

    private FileFields() {
    }
}
