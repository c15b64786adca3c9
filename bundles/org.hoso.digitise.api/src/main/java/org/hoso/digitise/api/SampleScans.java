package org.hoso.digitise.api;

import java.awt.image.BufferedImage;
import java.util.Objects;

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
}
