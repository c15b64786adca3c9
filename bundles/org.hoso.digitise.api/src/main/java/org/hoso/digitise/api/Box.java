package org.hoso.digitise.api;

/**
 * A rectangle in pixels of a page image, origin top left.
 *
 * @since 0.1.0
 */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box " + width + "x" + height);
        }
    }

    /** The smallest box holding both. */
    public Box union(Box o) {
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        int x1 = Math.max(x + width, o.x + o.width);
        int y1 = Math.max(y + height, o.y + o.height);
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** This box with every coordinate multiplied by {@code f} (rounded outwards). */
    public Box scaled(double f) {
        int x0 = (int) Math.floor(x * f);
        int y0 = (int) Math.floor(y * f);
        return new Box(x0, y0, (int) Math.ceil((x + width) * f) - x0, (int) Math.ceil((y + height) * f) - y0);
    }
}
