package org.hoso.digitise.internal;

import java.text.Normalizer;

/** Character error rate: edit distance over the length of the truth, after NFC and whitespace folding. */
final class Cer {

    private Cer() {
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    static double of(String truth, String text) {
        String t = normalise(truth);
        String h = normalise(text);
        if (t.isEmpty()) {
            return h.isEmpty() ? 0 : 1;
        }
        return (double) distance(t, h) / t.length();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
