package org.hoso.digitise.api;

import java.util.List;

/**
 * The clean-up steps chosen for a page, by filter id, in order. Built-in ids: {@code grey} (to 8-bit grey),
 * {@code rotate90}/{@code rotate180}/{@code rotate270}, {@code deskew}, {@code normalise} (background
 * normalisation), {@code median3} (3×3 median despeckle), {@code upscale2}/{@code upscale3} (bicubic), {@code halve}
 * (2×2 average: big letters read at half size), {@code otsu} (global binarisation), {@code sauvola} (adaptive
 * binarisation with integral images).
 *
 * @param steps  filter ids in order
 * @param reason why these steps, in English, for logs and reports
 * @since 0.1.0
 */
public record CleanupPlan(List<String> steps, String reason) {

    public CleanupPlan {
        steps = List.copyOf(steps);
    }
}
