package org.hoso.digitise.internal;

import org.hoso.digitise.api.SampleScans;

/** Character error rate: edit distance over the length of the truth, after NFC and whitespace folding. */
final class Cer {

    private Cer() {
    }

    static double of(String truth, String text) {
        return SampleScans.characterErrorRate(truth, text);
    }
}
