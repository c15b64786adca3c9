package org.hoso.core.api.model;

/**
 * Access regime and the marks printed on a document, kept on every file and item from the start so that roles,
 * secrecy and export rules can rely on them.
 *
 * @since 0.1.0
 */
public final class Marks {

    private Marks() {
    }

    /** Access mode (chế độ sử dụng), TT 05/2025 {@code mode}: 01 open, 02 conditional, 03 secret. */
    public enum Access {
        OPEN("01"), CONDITIONAL("02"), SECRET("03");

        private final String code;

        Access(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** State-secret marks (độ mật) printed on a document: MẬT, TỐI MẬT, TUYỆT MẬT. */
    public enum Secrecy {
        NONE(""), MAT("MẬT"), TOI_MAT("TỐI MẬT"), TUYET_MAT("TUYỆT MẬT");

        private final String text;

        Secrecy(String text) {
            this.text = text;
        }

        /** The mark as printed. */
        public String text() {
            return text;
        }

        /** Any secrecy mark makes a record secret: it is never exported or shown unmarked. */
        public Access minimumAccess() {
            return this == NONE ? Access.OPEN : Access.SECRET;
        }
    }

    /** Urgency marks (độ khẩn): KHẨN, THƯỢNG KHẨN, HỎA TỐC. */
    public enum Urgency {
        NONE(""), KHAN("KHẨN"), THUONG_KHAN("THƯỢNG KHẨN"), HOA_TOC("HỎA TỐC");

        private final String text;

        Urgency(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
