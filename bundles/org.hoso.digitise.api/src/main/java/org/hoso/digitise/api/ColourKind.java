package org.hoso.digitise.api;

/**
 * How many tones a page image carries.
 *
 * @since 0.1.0
 */
public enum ColourKind {
    /** One bit per pixel: black and white (a fax-like scan). */
    BILEVEL,
    /** Shades of grey, 2 to 16 bits. */
    GREY,
    /** Colour (RGB, palette or CMYK). */
    COLOUR
}
