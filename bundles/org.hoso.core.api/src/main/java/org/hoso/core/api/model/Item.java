package org.hoso.core.api.model;

import java.util.Objects;

/**
 * A document (văn bản, tài liệu) in a file.
 *
 * @param id          catalogue id
 * @param fileId      its file
 * @param position    order in the file (số thứ tự), from 1
 * @param docCode     document code: the file code and a 7-digit ordinal ({@code H49.64.33.2001.160.0000001})
 * @param description type, number, notation, date, issuer, abstract, signer, marks... see {@link ItemFields}
 * @since 0.1.0
 */
public record Item(long id, long fileId, int position, String docCode, Description description) {

    public Item {
        Objects.requireNonNull(docCode, "docCode");
        Objects.requireNonNull(description, "description");
    }

    /** The document code of the {@code position}-th document of {@code fileCode}. */
    public static String docCode(String fileCode, int position) {
        return fileCode + "." + String.format("%07d", position);
    }
}
