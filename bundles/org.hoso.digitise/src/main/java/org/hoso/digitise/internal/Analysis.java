package org.hoso.digitise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Measures a grey page: ink, noise, contrast, skew, text direction, letter size, content at the edges. */
final class Analysis {

    /** Working resolution for skew and layout measurements. */
    private static final double WORK_DPI = 150;

    private Analysis() {
    }

    static PageTraits measure(Grey page, double dpi) {
        double noise = noise(page);
        // a clean copy: noise neither counts as ink nor moves the thresholds
        Grey clean = noise > 0.005 ? page.median3() : page;
        // one histogram of the clean page for its percentiles, ink share and Otsu threshold (each a pass over 8.7 MB)
        int[] hist = clean.histogram();
        long pixels = clean.px.length;
        int paper = Grey.percentile(hist, pixels, 0.90);
        int ink = Grey.percentile(hist, pixels, 0.005);
        int contrast = Math.max(0, paper - ink);
        int shrink = (int) Math.max(1, Math.round(dpi / WORK_DPI));
        Grey small = clean.shrink(shrink);
        int unevenness = unevenness(small);
        Grey norm = contrast < 110 || unevenness > 40 ? small.normaliseBackground(Math.max(16, small.width / 24))
                : small;
        int t = norm.otsuThreshold();
        // a page without ink has a meaningless Otsu threshold: require a real gap between ink and paper
        boolean hasInk = contrast >= 40;
        Grey bin = norm.threshold(hasInk ? t : -1);
        double inkShare = inkShare(hist, pixels, hasInk ? norm == small ? t : Grey.otsuThreshold(hist, pixels) : -1);
        int[][] points = hasInk ? darkPoints(bin) : null;
        double[] skew = hasInk ? skew(points, bin) : new double[] { 0, 0 };
        boolean sideways = hasInk && sideways(points, bin);
        double textHeight = hasInk ? textHeight(clean, Grey.otsuThreshold(hist, pixels)) : 0;
        List<String> edges = hasInk ? edges(bin, dpi / shrink) : List.of();
        return new PageTraits(inkShare, noise, contrast, paper, unevenness, skew[0], skew[1], sideways, textHeight,
                edges);
    }

    /** Share of pixels more than 60 levels away from the median of their 3×3 neighbourhood (every 3rd row). */
    static double noise(Grey g) {
        if (g.width < 3 || g.height < 3) {
            return 0;
        }
        int[] win = new int[9];
        long outliers = 0;
        long n = 0;
        for (int y = 1; y < g.height - 1; y += 3) {
            for (int x = 1; x < g.width - 1; x++) {
                int k = 0;
                int min = 255;
                int max = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * g.width + x;
                    for (int dx = -1; dx <= 1; dx++) {
                        int v = g.px[row + dx] & 0xff;
                        win[k++] = v;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                int c = win[4];
                // the median lies between the least and the greatest: within 60 of each other, no outlier (most
                // windows, on paper), and no need to sort
                if (max - min > 60 && Math.abs(c - Grey.median9(win)) > 60) {
                    outliers++;
                }
                n++;
            }
        }
        return n == 0 ? 0 : (double) outliers / n;
    }

    /** Share of the {@code n} pixels counted in {@code hist} at or below {@code t}; 0 when {@code t} is negative. */
    static double inkShare(int[] hist, long n, int t) {
        if (t < 0 || n == 0) {
            return 0;
        }
        long dark = 0;
        for (int v = 0; v <= Math.min(255, t); v++) {
            dark += hist[v];
        }
        return (double) dark / n;
    }

    /** Spread (max − min) of the paper brightness over a 6×6 grid of cells. */
    static int unevenness(Grey g) {
        int cells = 6;
        int cw = Math.max(1, g.width / cells);
        int ch = Math.max(1, g.height / cells);
        int min = 255;
        int max = 0;
        int[] hist = new int[256];
        for (int cy = 0; cy < cells; cy++) {
            for (int cx = 0; cx < cells; cx++) {
                Arrays.fill(hist, 0);
                int n = 0;
                for (int y = cy * ch; y < Math.min(g.height, (cy + 1) * ch); y++) {
                    for (int x = cx * cw; x < Math.min(g.width, (cx + 1) * cw); x++) {
                        hist[g.px[y * g.width + x] & 0xff]++;
                        n++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                int acc = 0;
                int v = 255;
                for (int i = 0; i < 256; i++) {
                    acc += hist[i];
                    if (acc > n * 0.9) {
                        v = i;
                        break;
                    }
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.max(0, max - min);
    }

    /** Dark pixel coordinates of a binary image, at most ~200,000 (evenly thinned). */
    private static int[][] darkPoints(Grey bin) {
        int count = 0;
        for (byte b : bin.px) {
            if (b == 0) {
                count++;
            }
        }
        int step = Math.max(1, count / 200_000);
        int n = count / step + 1;
        int[] xs = new int[n];
        int[] ys = new int[n];
        int k = 0;
        int seen = 0;
        for (int y = 0; y < bin.height; y++) {
            for (int x = 0; x < bin.width; x++) {
                if (bin.px[y * bin.width + x] == 0 && seen++ % step == 0 && k < n) {
                    xs[k] = x;
                    ys[k] = y;
                    k++;
                }
            }
        }
        return new int[][] { Arrays.copyOf(xs, k), Arrays.copyOf(ys, k) };
    }

    /**
     * Projection-profile skew: the angle at which the rows of ink are sharpest (the sum of squared differences of
     * neighbouring row counts is largest), searched in ±15° by 0.5°, then by 0.05° around the best. Returns the
     * angle (counter-clockwise positive) and the relative strength of the peak. {@code p}: the dark points of
     * {@code bin} ({@link #darkPoints}).
     */
    static double[] skew(int[][] p, Grey bin) {
        if (p[0].length < 50) {
            return new double[] { 0, 0 };
        }
        double best = 0;
        double bestScore = -1;
        for (double a = -15; a <= 15.001; a += 0.5) {
            double s = profileScore(p, a, bin.height, bin.width);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.5; a <= coarse + 0.5001; a += 0.05) {
            double s = profileScore(p, a, bin.height, bin.width);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double zero = profileScore(p, 0, bin.height, bin.width);
        double strength = zero <= 0 ? 0 : bestScore / zero;
        return new double[] { Math.round(best * 100) / 100.0, strength };
    }

    private static double profileScore(int[][] p, double degrees, int height, int width) {
        double tan = Math.tan(Math.toRadians(degrees));
        int off = (int) Math.ceil(Math.abs(tan) * width) + 1;
        int[] rows = new int[height + 2 * off + 2];
        int[] xs = p[0];
        int[] ys = p[1];
        for (int i = 0; i < xs.length; i++) {
            // a line rising to the right (counter-clockwise skew) has y + x·tan constant
            int r = (int) Math.round(ys[i] + xs[i] * tan) + off;
            if (r >= 0 && r < rows.length) {
                rows[r]++;
            }
        }
        double s = 0;
        for (int i = 1; i < rows.length; i++) {
            double d = rows[i] - rows[i - 1];
            s += d * d;
        }
        return s;
    }

    /** Whether columns of ink (the dark points {@code p} of {@code bin}) stand out more sharply than rows. */
    static boolean sideways(int[][] p, Grey bin) {
        if (p[0].length < 200) {
            return false;
        }
        double rows = 0;
        double cols = 0;
        for (double a = -3; a <= 3.001; a += 0.5) {
            rows = Math.max(rows, profileScore(p, a, bin.height, bin.width));
            cols = Math.max(cols, profileScore(new int[][] { p[1], p[0] }, a, bin.width, bin.height));
        }
        return cols > rows * 1.6;
    }

    /**
     * Median height of connected marks (8-connected dark components 3 px or more high) once thresholded at {@code
     * otsu}, 0 without any.
     */
    static double textHeight(Grey g, int otsu) {
        Grey bin = g.threshold(otsu);
        int w = bin.width;
        int h = bin.height;
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[1 << 16];
        List<Integer> heights = new ArrayList<>();
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || bin.px[start] != 0) {
                continue;
            }
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            int minY = start / w;
            int maxY = minY;
            int minX = start % w;
            int maxX = minX;
            int area = 0;
            while (sp > 0) {
                int i = stack[--sp];
                area++;
                int y = i / w;
                int x = i % w;
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int j = yy * w + xx;
                        if (!seen[j] && bin.px[j] == 0) {
                            seen[j] = true;
                            if (sp == stack.length) {
                                stack = Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[sp++] = j;
                        }
                    }
                }
            }
            int ch = maxY - minY + 1;
            int cw = maxX - minX + 1;
            // letters: not specks, not rules or frames or photos
            if (ch >= 3 && ch < h / 10 && cw < w / 10 && area >= 6) {
                heights.add(ch);
            }
        }
        if (heights.size() < 10) {
            return 0;
        }
        heights.sort(null);
        return heights.get(heights.size() / 2);
    }

    /** Edges whose outermost 1.5 mm strip holds a noticeable share of ink (content cut off by the scan). */
    static List<String> edges(Grey bin, double workDpi) {
        int strip = Math.max(2, (int) Math.round(1.5 / 25.4 * workDpi));
        List<String> out = new ArrayList<>();
        if (ink(bin, 0, 0, bin.width, strip)) {
            out.add("top");
        }
        if (ink(bin, 0, bin.height - strip, bin.width, strip)) {
            out.add("bottom");
        }
        if (ink(bin, 0, 0, strip, bin.height)) {
            out.add("left");
        }
        if (ink(bin, bin.width - strip, 0, strip, bin.height)) {
            out.add("right");
        }
        return out;
    }

    /** Ink share between 1% and 60% in the rectangle (a solid dark frame is not content). */
    private static boolean ink(Grey bin, int x0, int y0, int w, int h) {
        long dark = 0;
        long n = 0;
        for (int y = Math.max(0, y0); y < Math.min(bin.height, y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(bin.width, x0 + w); x++) {
                if (bin.px[y * bin.width + x] == 0) {
                    dark++;
                }
                n++;
            }
        }
        double share = n == 0 ? 0 : (double) dark / n;
        return share > 0.01 && share < 0.6;
    }
}
