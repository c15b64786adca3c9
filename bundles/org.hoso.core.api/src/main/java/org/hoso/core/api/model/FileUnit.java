package org.hoso.core.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A file (hồ sơ): the unit that is numbered, boxed and appraised.
 *
 * @param id           catalogue id
 * @param fondsCode    its fonds
 * @param schemeNodeId where it sits in the classification scheme
 * @param fileCode     file code (mã hồ sơ), unique in the catalogue, e.g. {@code H49.64.33.2001.160}
 * @param fileNumber   number in the fonds' file inventory (số hồ sơ), from 1
 * @param box          the box (hộp) number it is in, when boxed
 * @param description  title, dates, retention, access, counts... see {@link FileFields}
 * @since 0.1.0
 */
public record FileUnit(long id, String fondsCode, long schemeNodeId, String fileCode, int fileNumber,
        Optional<String> box, Description description) {

    public FileUnit {
        Objects.requireNonNull(fondsCode, "fondsCode");
        Objects.requireNonNull(fileCode, "fileCode");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(description, "description");
    }

    public String title() {
        return description.text(FileFields.TITLE).orElse("");
    }
}
