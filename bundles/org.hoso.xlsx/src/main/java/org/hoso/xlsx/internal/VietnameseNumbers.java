package org.hoso.xlsx.internal;

/**
 * Numbers in Vietnamese words, for the forms' "Viết bằng chữ" (in words) lines: 1234 → "Một nghìn hai trăm ba mươi
 * tư". Groups of three digits with nghìn, triệu, tỷ; "linh" for a zero ten after hundreds; "mười" for ten, "mươi" for
 * tens; "mốt", "tư", "lăm" for one, four and five after a ten.
 */
final class VietnameseNumbers {

    private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
    private static final String[] SCALES = { "", "nghìn", "triệu", "tỷ" };

    private VietnameseNumbers() {
    }

    /** The number in words, capitalised; 0 ≤ n < 10¹². */
    static String words(long n) {
        if (n < 0 || n >= 1_000_000_000_000L) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n == 0) {
            return "Không";
        }
        int[] groups = new int[4];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (n % 1000);
            n /= 1000;
        }
        StringBuilder sb = new StringBuilder();
        boolean leading = true;
        for (int i = 3; i >= 0; i--) {
            if (groups[i] == 0) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(group(groups[i], !leading));
            if (!SCALES[i].isEmpty()) {
                sb.append(' ').append(SCALES[i]);
            }
            leading = false;
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** Up to three digits; {@code full}: after a higher group, so hundreds are read even when zero. */
    private static String group(int g, boolean full) {
        int h = g / 100;
        int t = g / 10 % 10;
        int u = g % 10;
        StringBuilder sb = new StringBuilder();
        if (h > 0 || full) {
            sb.append(DIGITS[h]).append(" trăm");
        }
        if (t == 0) {
            if (u > 0) {
                if (!sb.isEmpty()) {
                    sb.append(" linh");
                }
                sb.append(sb.isEmpty() ? "" : " ").append(DIGITS[u]);
            }
        } else if (t == 1) {
            sb.append(sb.isEmpty() ? "" : " ").append("mười");
            if (u > 0) {
                sb.append(' ').append(u == 5 ? "lăm" : DIGITS[u]);
            }
        } else {
            sb.append(sb.isEmpty() ? "" : " ").append(DIGITS[t]).append(" mươi");
            if (u > 0) {
                sb.append(' ').append(u == 1 ? "mốt" : u == 4 ? "tư" : u == 5 ? "lăm" : DIGITS[u]);
            }
        }
        return sb.toString();
    }
}
