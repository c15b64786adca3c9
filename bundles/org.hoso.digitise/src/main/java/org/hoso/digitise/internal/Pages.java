package org.hoso.digitise.internal;

import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;

/** Page images made inside the engine (clean-up results, test images). */
final class Pages {

    private Pages() {
    }

    /** A grey working image that is not a page of any file. */
    static PageImage grey(Grey g, double dpi) {
        return new PageImage(new PageInfo("(clean-up)", 1, 1, "RAW", g.width, g.height, dpi, ColourKind.GREY, 8),
                g.toImage(), dpi, 1);
    }
}
