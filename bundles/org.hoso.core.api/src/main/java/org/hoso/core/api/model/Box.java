package org.hoso.core.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A box (hộp, cặp) of a fonds: files go in boxes in inventory order, boxes stand on shelves. Boxes are what the
 * archive measures its holdings by: their widths on the shelf add up to the fonds' shelf-metres (mét giá).
 *
 * @param id         catalogue id
 * @param fondsCode  its fonds
 * @param number     the box number written on its label ("1", "12A"), unique in the fonds
 * @param widthMm    its width on the shelf in millimetres (a standard archival box: 100)
 * @param locationId where it stands, when shelved
 * @since 0.2.0
 */
public record Box(long id, String fondsCode, String number, int widthMm, Optional<Long> locationId) {

    /** The width of a standard archival box: ten to a shelf-metre. */
    public static final int STANDARD_WIDTH_MM = 100;

    public Box {
        Objects.requireNonNull(fondsCode, "fondsCode");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(locationId, "locationId");
        if (widthMm < 1 || widthMm > 2000) {
            throw new IllegalArgumentException("box " + number + ": width must be within 1..2000 mm: " + widthMm);
        }
    }
}
