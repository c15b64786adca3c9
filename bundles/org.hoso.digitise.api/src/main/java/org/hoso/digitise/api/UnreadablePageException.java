package org.hoso.digitise.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * A scan that cannot be read: names the file, the page (0 when the whole file is affected) and the problem.
 * {@link #getMessage()} says it in Vietnamese and in English; {@link #message(Locale)} in one language.
 *
 * @since 0.1.0
 */
public class UnreadablePageException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, as a stable machine code. */
    public enum Problem {
        /** The file does not exist or cannot be opened. */
        NOT_FOUND,
        /** The file has no bytes. */
        EMPTY,
        /** Not a format Hoso reads (TIFF, JPEG, PNG, PDF). */
        UNSUPPORTED_FORMAT,
        /** The file ends before the page's data does. */
        TRUNCATED,
        /** The data is damaged (bad structure, bad compressed data). */
        DAMAGED,
        /** A password-protected PDF. */
        ENCRYPTED,
        /** The page is larger than the configured limit. */
        TOO_LARGE,
        /** The file has no such page. */
        NO_SUCH_PAGE
    }

    private final String file;
    private final int page;
    private final Problem problem;
    private final String detail;

    public UnreadablePageException(String file, int page, Problem problem, String detail, Throwable cause) {
        super(Texts.both("unreadable." + problem, file, page, Objects.toString(detail, "")), cause);
        this.file = Objects.requireNonNull(file);
        this.page = page;
        this.problem = Objects.requireNonNull(problem);
        this.detail = detail == null ? "" : detail;
    }

    public UnreadablePageException(String file, int page, Problem problem, String detail) {
        this(file, page, problem, detail, null);
    }

    public String file() {
        return file;
    }

    /** Page number from 1, or 0 when the problem concerns the whole file. */
    public int page() {
        return page;
    }

    public Problem problem() {
        return problem;
    }

    /** Technical detail (the reader's own words, sizes), in English; may be empty. */
    public String detail() {
        return detail;
    }

    /** The message in Vietnamese ({@code vi}) or English ({@code en}). */
    public String message(Locale locale) {
        return Texts.text(locale, "unreadable." + problem, file, page, detail);
    }
}
