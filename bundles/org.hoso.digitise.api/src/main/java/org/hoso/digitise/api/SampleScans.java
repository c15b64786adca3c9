package org.hoso.digitise.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Objects;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Synthetic scans for practice, demos and accuracy tests: an administrative document laid out as Decree 30/2020
 * prescribes (issuer and national motto side by side, number, place and date, title, body, signature), rendered
 * with a Vietnamese font and degraded like a poor scan. Reproducible: the same seed and degradation always give
 * the same pixels and text.
 *
 * @since 0.1.0
 */
@ProviderType
public interface SampleScans {

    /**
     * How to spoil a clean rendering.
     *
     * @param skewDegrees counter-clockwise turn of the page on the scanner glass
     * @param noise       share of pixels replaced by black or white specks (salt and pepper), 0..1
     * @param inkLevel    grey level of the ink, 0 (black) to 255; faded ink is 120 or lighter
     * @param paperLevel  grey level of the paper, 255 white; yellowed or dark paper lower
     */
    record Degradation(double skewDegrees, double noise, int inkLevel, int paperLevel) {

        public static final Degradation NONE = new Degradation(0, 0, 0, 255);

        public Degradation {
            if (noise < 0 || noise > 1 || inkLevel < 0 || paperLevel > 255 || inkLevel >= paperLevel) {
                throw new IllegalArgumentException("bad degradation");
            }
        }
    }

    /**
     * A rendered page.
     *
     * @param image grey image (8 bits); treat as read-only
     * @param dpi   its resolution
     * @param text  what is written on it, line by line in reading order (NFC): the ground truth for OCR
     */
    record SampleScan(BufferedImage image, int dpi, String text) {
        public SampleScan {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(text, "text");
        }
    }

    /** An A4 page at {@code dpi} (150–600) with the document the seed chooses, spoiled as {@code degradation} says. */
    SampleScan page(long seed, int dpi, Degradation degradation);

    /**
     * What a Decree 30 page shows: the issuer's header (left column), number and symbol, place and date, type line,
     * abstract, signature block. Blank parts are left out (an official letter has no type line).
     *
     * @param parentIssuer the issuer's parent, first header line ("UBND HUYỆN YÊN SƠN"), may be blank
     * @param issuer       the issuer ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"), written over the lines it needs
     * @param numberSymbol "Số: 12/QĐ-UBND" without "Số: "
     * @param placeDate    "Hòa Bình, ngày 19 tháng 3 năm 2025"
     * @param typeName     "QUYẾT ĐỊNH", blank for an official letter
     * @param abstractText "Về việc ..." or "V/v ..."
     * @param authority    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", may be blank
     * @param signerTitle  "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
     * @param signerName   the signer
     */
    record Document(String parentIssuer, String issuer, String numberSymbol, String placeDate, String typeName,
            String abstractText, String authority, String signerTitle, String signerName) {
        public Document {
            Objects.requireNonNull(parentIssuer, "parentIssuer");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(numberSymbol, "numberSymbol");
            Objects.requireNonNull(placeDate, "placeDate");
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(abstractText, "abstractText");
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(signerTitle, "signerTitle");
            Objects.requireNonNull(signerName, "signerName");
        }
    }

    /**
     * The first page of {@code document} at {@code dpi}, its body text chosen by {@code seed}, spoiled as
     * {@code degradation} says: a catalogue's document as it would come off the scanner, with its ground truth.
     *
     * @since 0.2.0
     */
    SampleScan page(Document document, long seed, int dpi, Degradation degradation);

    /**
     * Writes an image as a PNG that states its resolution ({@code pHYs}), as a scanner writes it: the quality checks
     * then judge it by its stated dpi rather than estimate one from the letter size.
     *
     * @since 0.3.0
     */
    static void writePng(BufferedImage image, int dpi, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            if (out == null) {
                throw new IOException("cannot write " + file);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode tree = new IIOMetadataNode("javax_imageio_png_1.0");
            tree.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", tree);
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, meta));
        } finally {
            writer.dispose();
        }
    }

    /**
     * Character error rate of recognised text against the truth: the edit distance (insertions, deletions,
     * substitutions of UTF-16 characters) over the truth's length, both in NFC with runs of white space folded to
     * one space. 0 is perfect; above 1 is possible when much more is read than written.
     *
     * @since 0.2.0
     */
    static double characterErrorRate(String truth, String recognised) {
        String t = fold(truth);
        String h = fold(recognised);
        if (t.isEmpty()) {
            return h.isEmpty() ? 0 : 1;
        }
        return (double) editDistance(t, h) / t.length();
    }

    /**
     * The edit distance between two texts after NFC and white space folding (the numerator of
     * {@link #characterErrorRate}), for rates summed over many pages.
     *
     * @since 0.2.0
     */
    static int editDistance(String a, String b) {
        String x = fold(a);
        String y = fold(b);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            char cx = x.charAt(i - 1);
            for (int j = 1; j <= y.length(); j++) {
                int sub = prev[j - 1] + (cx == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    /**
     * The text as the error rate compares it: NFC, white space runs as one space, no space at either end.
     *
     * @since 0.2.0
     */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
