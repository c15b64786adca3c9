package org.hoso.core.api.model;

import java.util.List;
import java.util.Map;

import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.FieldDefinition.ValueType;

/**
 * The described fields of a document (TT 05/2025 document metadata, and what the document itself says: signer,
 * recipients, secrecy and urgency marks).
 *
 * @since 0.1.0
 */
public final class ItemFields {

    public static final String TYPE = "type";
    public static final String NUMBER = "number";
    public static final String NOTATION = "notation";
    public static final String DATE = "date";
    public static final String ISSUER = "issuer";
    public static final String ABSTRACT = "abstract";
    public static final String LANGUAGE = "language";
    public static final String PAGE_COUNT = "pageCount";
    public static final String SHEET_NUMBER = "sheetNumber";
    public static final String KEYWORDS = "keywords";
    public static final String ACCESS = "access";
    public static final String CONFIDENCE_LEVEL = "confidenceLevel";
    public static final String ANNOTATION = "annotation";
    public static final String PHYSICAL_CONDITION = "physicalCondition";
    public static final String SIGNER = "signer";
    public static final String SIGNER_TITLE = "signerTitle";
    public static final String SIGNER_AUTHORITY = "signerAuthority";
    public static final String RECIPIENTS = "recipients";
    public static final String SECRECY = "secrecy";
    public static final String URGENCY = "urgency";
    public static final String FILE_PATH = "filePath";
    public static final String NOTES = "notes";
    /**
     * The issuing body's parent (cơ quan, tổ chức chủ quản), first line of the header: "UBND THÀNH PHỐ ĐÀ NẴNG".
     *
     * @since 0.2.0
     */
    public static final String ISSUER_PARENT = "issuerParent";
    /**
     * Where the document was issued (địa danh), from the place-date line: "Đà Nẵng".
     *
     * @since 0.2.0
     */
    public static final String PLACE = "place";

    /** Every field, in the order of the document list form; fields added later come last. */
    public static final List<FieldDefinition> ALL = List.of(
            new FieldDefinition(TYPE, "Tên loại văn bản", "Document type", ValueType.CODE, false),
            new FieldDefinition(NUMBER, "Số văn bản", "Number", ValueType.TEXT, false),
            new FieldDefinition(NOTATION, "Ký hiệu văn bản", "Notation", ValueType.TEXT, false),
            new FieldDefinition(DATE, "Ngày, tháng, năm văn bản", "Date", ValueType.DATE, false),
            new FieldDefinition(ISSUER, "Tác giả văn bản", "Issuing body", ValueType.TEXT, false),
            new FieldDefinition(ABSTRACT, "Trích yếu nội dung", "Abstract", ValueType.TEXT, true),
            new FieldDefinition(LANGUAGE, "Ngôn ngữ", "Language", ValueType.CODE, false),
            new FieldDefinition(PAGE_COUNT, "Số lượng trang", "Pages", ValueType.INTEGER, false),
            new FieldDefinition(SHEET_NUMBER, "Tờ số", "Sheet number", ValueType.TEXT, false),
            new FieldDefinition(KEYWORDS, "Từ khóa", "Keywords", ValueType.TEXT, false),
            new FieldDefinition(ACCESS, "Chế độ sử dụng", "Access", ValueType.CODE, false),
            new FieldDefinition(CONFIDENCE_LEVEL, "Mức độ tin cậy", "Reliability", ValueType.CODE, false),
            new FieldDefinition(ANNOTATION, "Bút tích", "Handwritten annotations", ValueType.TEXT, false),
            new FieldDefinition(PHYSICAL_CONDITION, "Tình trạng vật lý", "Physical condition", ValueType.CODE, false),
            new FieldDefinition(SIGNER, "Người ký", "Signer", ValueType.TEXT, false),
            new FieldDefinition(SIGNER_TITLE, "Chức vụ người ký", "Signer's title", ValueType.TEXT, false),
            new FieldDefinition(SIGNER_AUTHORITY, "Thẩm quyền ký", "Signing authority", ValueType.TEXT, false),
            new FieldDefinition(RECIPIENTS, "Nơi nhận", "Recipients", ValueType.TEXT, false),
            new FieldDefinition(SECRECY, "Độ mật", "Secrecy", ValueType.TEXT, false),
            new FieldDefinition(URGENCY, "Độ khẩn", "Urgency", ValueType.TEXT, false),
            new FieldDefinition(FILE_PATH, "Đường dẫn tệp", "File path", ValueType.TEXT, false),
            new FieldDefinition(NOTES, "Ghi chú", "Notes", ValueType.TEXT, false),
            new FieldDefinition(ISSUER_PARENT, "Cơ quan chủ quản", "Parent body", ValueType.TEXT, false),
            new FieldDefinition(PLACE, "Địa danh", "Place of issue", ValueType.TEXT, false));

    /** The code list of each CODE field. */
    public static final Map<String, String> CODE_LISTS = Map.of(TYPE, CodeList.DOCUMENT_TYPE, LANGUAGE,
            CodeList.LANGUAGE, ACCESS, CodeList.MODE, CONFIDENCE_LEVEL, CodeList.CONFIDENCE_LEVEL,
            PHYSICAL_CONDITION, CodeList.FORMAT);

    private ItemFields() {
    }
}
