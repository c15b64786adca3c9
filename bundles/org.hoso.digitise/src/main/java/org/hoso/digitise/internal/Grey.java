package org.hoso.digitise.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * An 8-bit grey image as a plain byte array (0 black, 255 white): what clean-up works on and what Tesseract
 * receives. The operations are written for speed on whole pages (tens of milliseconds for an A4 page at 300 dpi).
 */
final class Grey {

    final int width;
    final int height;
    final byte[] px;

    Grey(int width, int height, byte[] px) {
        if (px.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " vs " + px.length);
        }
        this.width = width;
        this.height = height;
        this.px = px;
    }

    Grey(int width, int height) {
        this(width, height, new byte[width * height]);
    }

    int get(int x, int y) {
        return px[y * width + x] & 0xff;
    }

    /**
     * Luminance (Rec. 601) of any image; bilevel and grey images without conversion loss. An 8-bit grey image whose
     * pixels lie in one plain array is not copied: the grey shares it (neither side is changed after it is made:
     * every operation here makes a new array).
     */
    static Grey of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            Raster r = img.getRaster();
            if (r.getDataBuffer() instanceof DataBufferByte d && r.getNumDataElements() == 1
                    && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0) {
                if (d.getNumBanks() == 1 && d.getOffset() == 0 && d.getData().length == w * h
                        && r.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                        && sm.getScanlineStride() == w && sm.getPixelStride() == 1) {
                    return new Grey(w, h, d.getData());
                }
                byte[] out = new byte[w * h];
                r.getDataElements(0, 0, w, h, out);
                return new Grey(w, h, out);
            }
        }
        byte[] out = new byte[w * h];
        if (img.getColorModel().getPixelSize() == 1) {
            Raster r = img.getRaster();
            int[] row = new int[w];
            boolean zeroIsBlack = img.getColorModel().getRGB(0) == 0xff000000;
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    boolean black = (row[x] == 0) == zeroIsBlack;
                    out[y * w + x] = (byte) (black ? 0 : 255);
                }
            }
            return new Grey(w, h, out);
        }
        int[] rgb = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, rgb, 0, w);
            for (int x = 0; x < w; x++) {
                int c = rgb[x];
                int l = (299 * ((c >> 16) & 0xff) + 587 * ((c >> 8) & 0xff) + 114 * (c & 0xff) + 500) / 1000;
                out[y * w + x] = (byte) l;
            }
        }
        return new Grey(w, h, out);
    }

    /** An 8-bit grey image over the same pixels (not copied; treat it as read-only). */
    BufferedImage toImage() {
        java.awt.image.WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(px, px.length),
                width, height, width, 1, new int[] { 0 }, null);
        return new BufferedImage(GREY_MODEL, raster, false, null);
    }

    private static final java.awt.image.ColorModel GREY_MODEL = new BufferedImage(1, 1,
            BufferedImage.TYPE_BYTE_GRAY).getColorModel();

    /** A bilevel image (for images that hold only 0 and 255). */
    BufferedImage toBilevel() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if ((px[row + x] & 0xff) >= 128) {
                    data[y * stride + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                }
            }
        }
        return img;
    }

    int[] histogram() {
        // four counters in turn: runs of equal pixels (paper) would otherwise wait on one counter's last increment
        int[] h0 = new int[256];
        int[] h1 = new int[256];
        int[] h2 = new int[256];
        int[] h3 = new int[256];
        int n = px.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h0[px[i] & 0xff]++;
            h1[px[i + 1] & 0xff]++;
            h2[px[i + 2] & 0xff]++;
            h3[px[i + 3] & 0xff]++;
        }
        for (; i < n; i++) {
            h0[px[i] & 0xff]++;
        }
        for (int v = 0; v < 256; v++) {
            h0[v] += h1[v] + h2[v] + h3[v];
        }
        return h0;
    }

    /** The value below which {@code share} of the pixels lie. */
    int percentile(double share) {
        return percentile(histogram(), px.length, share);
    }

    /** The value below which {@code share} of the {@code n} pixels counted in {@code h} lie. */
    static int percentile(int[] h, long n, double share) {
        long target = (long) (share * n);
        long sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += h[v];
            if (sum > target) {
                return v;
            }
        }
        return 255;
    }

    /** Every n-th pixel in both directions, averaged over the n×n block (fast box downscale). */
    Grey shrink(int n) {
        if (n <= 1) {
            return this;
        }
        int w = width / n;
        int h = height / n;
        byte[] out = new byte[w * h];
        if (n == 2) {
            // the common case (300 dpi measured at 150, big letters read at half size), without the inner loops
            for (int y = 0; y < h; y++) {
                int r0 = 2 * y * width;
                int r1 = r0 + width;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int c = 2 * x;
                    out[o + x] = (byte) (((px[r0 + c] & 0xff) + (px[r0 + c + 1] & 0xff) + (px[r1 + c] & 0xff)
                            + (px[r1 + c + 1] & 0xff)) >> 2);
                }
            }
            return new Grey(Math.max(w, 1), Math.max(h, 1), w * h == 0 ? new byte[] { (byte) 255 } : out);
        }
        int area = n * n;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < n; dy++) {
                    int row = (y * n + dy) * width + x * n;
                    for (int dx = 0; dx < n; dx++) {
                        sum += px[row + dx] & 0xff;
                    }
                }
                out[y * w + x] = (byte) (sum / area);
            }
        }
        return new Grey(Math.max(w, 1), Math.max(h, 1), w * h == 0 ? new byte[] { (byte) 255 } : out);
    }

    /** Turned clockwise by a multiple of 90°. */
    Grey rotate(int clockwise) {
        return switch (((clockwise % 360) + 360) % 360) {
            case 0 -> this;
            case 180 -> {
                byte[] out = new byte[px.length];
                for (int i = 0; i < px.length; i++) {
                    out[i] = px[px.length - 1 - i];
                }
                yield new Grey(width, height, out);
            }
            case 90 -> {
                byte[] out = new byte[px.length];
                int nw = height;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        out[x * nw + (nw - 1 - y)] = px[y * width + x];
                    }
                }
                yield new Grey(height, width, out);
            }
            case 270 -> {
                byte[] out = new byte[px.length];
                int nw = height;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        out[(width - 1 - x) * nw + y] = px[y * width + x];
                    }
                }
                yield new Grey(height, width, out);
            }
            default -> throw new IllegalArgumentException("rotation " + clockwise);
        };
    }

    /** 3×3 median: removes salt-and-pepper noise, keeps strokes. Borders are copied. */
    Grey median3() {
        byte[] out = px.clone();
        int[] win = new int[9];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * width + x;
                    win[k++] = px[row - 1] & 0xff;
                    win[k++] = px[row] & 0xff;
                    win[k++] = px[row + 1] & 0xff;
                }
                out[y * width + x] = (byte) median9(win);
            }
        }
        return new Grey(width, height, out);
    }

    /** Median of nine values by a fixed exchange network (no sort, no allocation). */
    static int median9(int[] p) {
        sort2(p, 1, 2); sort2(p, 4, 5); sort2(p, 7, 8);
        sort2(p, 0, 1); sort2(p, 3, 4); sort2(p, 6, 7);
        sort2(p, 1, 2); sort2(p, 4, 5); sort2(p, 7, 8);
        sort2(p, 0, 3); sort2(p, 5, 8); sort2(p, 4, 7);
        sort2(p, 3, 6); sort2(p, 1, 4); sort2(p, 2, 5);
        sort2(p, 4, 7); sort2(p, 4, 2); sort2(p, 6, 4);
        sort2(p, 4, 2);
        return p[4];
    }

    private static void sort2(int[] p, int a, int b) {
        if (p[a] > p[b]) {
            int t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
    }

    /** Otsu's threshold of the histogram. */
    int otsuThreshold() {
        return otsuThreshold(histogram(), px.length);
    }

    /** Otsu's threshold of {@code total} pixels counted in {@code h}. */
    static int otsuThreshold(int[] h, long total) {
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += (double) i * h[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            wB += h[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * h[t];
            double mB = sumB / wB;
            double mF = (sumAll - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /** Black (0) where the value is at most {@code t}, white (255) elsewhere. */
    Grey threshold(int t) {
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (byte) ((px[i] & 0xff) <= t ? 0 : 255);
        }
        return new Grey(width, height, out);
    }

    Grey otsu() {
        return threshold(otsuThreshold());
    }

    /**
     * Sauvola's adaptive threshold, T = m·(1 + k·(s/R − 1)) over a {@code window}-pixel square, with the local mean
     * m and standard deviation s from integral images of values and squares (constant time per pixel).
     */
    Grey sauvola(int window, double k) {
        int w = width;
        int h = height;
        int iw = w + 1;
        long[] sum = new long[iw * (h + 1)];
        long[] sq = new long[iw * (h + 1)];
        for (int y = 0; y < h; y++) {
            long rowSum = 0;
            long rowSq = 0;
            for (int x = 0; x < w; x++) {
                int v = px[y * w + x] & 0xff;
                rowSum += v;
                rowSq += (long) v * v;
                sum[(y + 1) * iw + x + 1] = sum[y * iw + x + 1] + rowSum;
                sq[(y + 1) * iw + x + 1] = sq[y * iw + x + 1] + rowSq;
            }
        }
        int r = Math.max(1, window / 2);
        byte[] out = new byte[px.length];
        final double range = 128;
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                long n = (long) (x1 - x0) * (y1 - y0);
                long s = sum[y1 * iw + x1] - sum[y0 * iw + x1] - sum[y1 * iw + x0] + sum[y0 * iw + x0];
                long s2 = sq[y1 * iw + x1] - sq[y0 * iw + x1] - sq[y1 * iw + x0] + sq[y0 * iw + x0];
                double mean = (double) s / n;
                double var = Math.max(0, (double) s2 / n - mean * mean);
                double t = mean * (1 + k * (Math.sqrt(var) / range - 1));
                out[y * w + x] = (byte) ((px[y * w + x] & 0xff) <= t ? 0 : 255);
            }
        }
        return new Grey(w, h, out);
    }

    /**
     * Background normalisation: estimates the paper's brightness around each pixel (the bright envelope: block
     * maxima, smoothed) and stretches every pixel so that paper becomes white, which evens out shadows, yellowed
     * paper and faded ink before binarisation.
     */
    Grey normaliseBackground(int block) {
        int bw = (width + block - 1) / block;
        int bh = (height + block - 1) / block;
        int[] bg = new int[bw * bh];
        int[] hist = new int[256];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                Arrays.fill(hist, 0);
                int n = 0;
                for (int y = by * block; y < Math.min(height, (by + 1) * block); y++) {
                    for (int x = bx * block; x < Math.min(width, (bx + 1) * block); x++) {
                        hist[px[y * width + x] & 0xff]++;
                        n++;
                    }
                }
                // the 90th percentile: paper, robust to a few bright specks
                int target = (int) (n * 0.9);
                int acc = 0;
                int v = 255;
                for (int i = 0; i < 256; i++) {
                    acc += hist[i];
                    if (acc > target) {
                        v = i;
                        break;
                    }
                }
                bg[by * bw + bx] = v;
            }
        }
        // a block full of ink has a dark "paper": take the max of the neighbourhood, then smooth
        int[] dil = new int[bg.length];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int m = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = by + dy;
                        int xx = bx + dx;
                        if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) {
                            m = Math.max(m, bg[yy * bw + xx]);
                        }
                    }
                }
                dil[by * bw + bx] = m;
            }
        }
        int[] smooth = new int[bg.length];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int s = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = by + dy;
                        int xx = bx + dx;
                        if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) {
                            s += dil[yy * bw + xx];
                            n++;
                        }
                    }
                }
                smooth[by * bw + bx] = Math.max(1, s / n);
            }
        }
        byte[] out = new byte[px.length];
        for (int y = 0; y < height; y++) {
            // bilinear interpolation between block centres
            double fy = (y + 0.5) / block - 0.5;
            int y0 = Math.max(0, Math.min(bh - 1, (int) Math.floor(fy)));
            int y1 = Math.min(bh - 1, y0 + 1);
            double ty = Math.max(0, Math.min(1, fy - y0));
            for (int x = 0; x < width; x++) {
                double fx = (x + 0.5) / block - 0.5;
                int x0 = Math.max(0, Math.min(bw - 1, (int) Math.floor(fx)));
                int x1 = Math.min(bw - 1, x0 + 1);
                double tx = Math.max(0, Math.min(1, fx - x0));
                double b = (1 - ty) * ((1 - tx) * smooth[y0 * bw + x0] + tx * smooth[y0 * bw + x1])
                        + ty * ((1 - tx) * smooth[y1 * bw + x0] + tx * smooth[y1 * bw + x1]);
                int v = (int) Math.round((px[y * width + x] & 0xff) * 255.0 / b);
                out[y * width + x] = (byte) Math.min(255, v);
            }
        }
        return new Grey(width, height, out);
    }

    /**
     * Linear contrast stretch so that the {@code lo} percentile becomes black and the {@code hi} percentile white.
     */
    Grey stretch(double lo, double hi) {
        int a = percentile(lo);
        int b = percentile(hi);
        if (b - a < 8) {
            return this;
        }
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) Math.max(0, Math.min(255, Math.round((v - a) * 255.0 / (b - a))));
        }
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = lut[px[i] & 0xff];
        }
        return new Grey(width, height, out);
    }

    /** Scaled by an integer factor with bicubic interpolation. */
    Grey upscale(int factor) {
        if (factor <= 1) {
            return this;
        }
        BufferedImage src = toImage();
        BufferedImage dst = new BufferedImage(width * factor, height * factor, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(src, 0, 0, width * factor, height * factor, null);
        g.dispose();
        return of(dst);
    }

    /**
     * Turned counter-clockwise by {@code degrees} about the centre, same size, new corners white: bilinear
     * interpolation in fixed point on the byte array (a quarter of the time Java2D takes on a grey page).
     */
    Grey rotateSmall(double degrees) {
        if (Math.abs(degrees) < 1e-3) {
            return this;
        }
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double cx = width / 2.0;
        double cy = height / 2.0;
        int w = width;
        int h = height;
        byte[] out = new byte[px.length];
        long stepX = Math.round(cos * ONE);
        long stepY = Math.round(sin * ONE);
        for (int y = 0; y < h; y++) {
            // the source of a pixel centre: the destination turned back about the centre (y points down)
            double ry = y + 0.5 - cy;
            double rx = 0.5 - cx;
            long fx = Math.round((cos * rx - sin * ry + cx - 0.5) * ONE);
            long fy = Math.round((sin * rx + cos * ry + cy - 0.5) * ONE);
            int row = y * w;
            for (int x = 0; x < w; x++, fx += stepX, fy += stepY) {
                int ix = (int) (fx >> 16);
                int iy = (int) (fy >> 16);
                int tx = (int) (fx & 0xffff) >>> 8;
                int ty = (int) (fy & 0xffff) >>> 8;
                int p00;
                int p10;
                int p01;
                int p11;
                if (ix >= 0 && iy >= 0 && ix < w - 1 && iy < h - 1) {
                    int i = iy * w + ix;
                    p00 = px[i] & 0xff;
                    p10 = px[i + 1] & 0xff;
                    p01 = px[i + w] & 0xff;
                    p11 = px[i + w + 1] & 0xff;
                } else if (ix < -1 || iy < -1 || ix >= w || iy >= h) {
                    out[row + x] = (byte) 255;
                    continue;
                } else {
                    p00 = at(ix, iy);
                    p10 = at(ix + 1, iy);
                    p01 = at(ix, iy + 1);
                    p11 = at(ix + 1, iy + 1);
                }
                int top = p00 * (256 - tx) + p10 * tx;
                int bottom = p01 * (256 - tx) + p11 * tx;
                out[row + x] = (byte) ((top * (256 - ty) + bottom * ty + (1 << 15)) >>> 16);
            }
        }
        return new Grey(w, h, out);
    }

    private static final long ONE = 1 << 16;

    /** The value at (x, y), white outside the image. */
    private int at(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 255 : px[y * width + x] & 0xff;
    }

    /** Any image turned counter-clockwise by {@code degrees} about its centre, same size, corners white. */
    static BufferedImage rotateImage(BufferedImage src, double degrees) {
        int type = src.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), type);
        Graphics2D g = dst.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // image y points down: a counter-clockwise turn on screen is a negative angle here
        g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(-degrees), src.getWidth() / 2.0,
                src.getHeight() / 2.0), null);
        g.dispose();
        return dst;
    }
}
