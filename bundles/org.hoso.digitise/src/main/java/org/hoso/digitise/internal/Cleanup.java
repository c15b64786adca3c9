package org.hoso.digitise.internal;

import java.util.ArrayList;
import java.util.List;

import org.hoso.digitise.api.CleanupPlan;

/**
 * The clean-up plans and their steps. What a page needs decides the order in which plans are tried:
 * <ul>
 * <li>a clean page goes to Tesseract in grey (its own Otsu thresholding does well there), enlarged when the
 * letters are small, after a 3×3 median when it has a few specks;</li>
 * <li>noise or faint ink: 3×3 median (noise is pixel-sized, so before enlarging), background normalisation, Otsu:
 * plain Tesseract reads nothing on such pages;</li>
 * <li>the strongest: median, normalisation and Sauvola's adaptive threshold, for uneven pages.</li>
 * </ul>
 */
final class Cleanup {

    private Cleanup() {
    }

    /** A cleaned image and how much larger than the display image it is. */
    record Result(Grey image, double scale) {
    }

    static List<CleanupPlan> plans(PageTraits t) {
        String up = t.upscale() > 1 ? "upscale" + t.upscale() : null;
        String size = t.halve() ? "halve" : up;
        CleanupPlan light = t.specks()
                ? plan("clean page with specks: despeckle (before the deskew turn); Tesseract thresholds the grey",
                        "grey", "median3", size)
                : plan("clean page: Tesseract thresholds the grey image itself", "grey", size);
        CleanupPlan otsu = plan("noise or faint ink: despeckle, even the background, global threshold", "grey",
                "median3", "normalise", up, "otsu");
        CleanupPlan sauvola = plan("strongest: despeckle, even the background, adaptive threshold", "grey", "median3",
                "normalise", up, "sauvola");
        List<CleanupPlan> plans = new ArrayList<>();
        if (up == null && t.textHeight() > 0 && t.textHeight() < 16 && !t.noisy() && !t.faint()) {
            // letters of middling size: whether enlarging helps depends on the scan (blur); try both, grey first
            plans.add(light);
            plans.add(plan("clean page, letters enlarged twice", "grey", "upscale2"));
            plans.add(otsu);
            return plans;
        }
        if (t.noisy() || t.faint()) {
            plans.add(otsu);
            plans.add(sauvola);
            plans.add(light);
        } else if (t.uneven()) {
            plans.add(sauvola);
            plans.add(light);
            plans.add(otsu);
        } else {
            plans.add(light);
            plans.add(otsu);
            plans.add(sauvola);
        }
        return plans;
    }

    private static CleanupPlan plan(String reason, String... steps) {
        List<String> s = new ArrayList<>();
        for (String step : steps) {
            if (step != null) {
                s.add(step);
            }
        }
        return new CleanupPlan(s, reason);
    }

    /** How many plans are always tried, whatever the first one's confidence: 2 when enlarging is a toss-up. */
    static int mandatory(PageTraits t) {
        return t.upscale() == 1 && t.textHeight() > 0 && t.textHeight() < 16 && !t.noisy() && !t.faint() ? 2 : 1;
    }

    /**
     * The plan applied to the scan in grey, turned by {@code rotation} and {@code skew} (counter-clockwise
     * degrees to undo). A median filter runs before the turn: interpolation would smear specks into blots that a
     * median no longer removes. {@code turned} gives the original turned (made once for the page and the image
     * kept, when first needed).
     */
    static Result apply(Grey original, java.util.function.Supplier<Grey> turned, int rotation, double skew,
            CleanupPlan plan, PageTraits t) {
        Grey g;
        if (plan.steps().contains("median3") && plan.steps().contains("halve")) {
            // big letters with specks: halved first, the specks are grey dots a median at half size still removes,
            // and the median and the turn cost a quarter
            g = original.shrink(2).median3().rotate(rotation).rotateSmall(skew);
            Result r = apply(g, without(plan, "halve"), t, true);
            return new Result(r.image(), r.scale() / 2);
        } else if (plan.steps().contains("median3")) {
            g = original.median3().rotate(rotation).rotateSmall(skew);
        } else {
            g = turned.get();
        }
        return apply(g, plan, t, true);
    }

    private static CleanupPlan without(CleanupPlan plan, String step) {
        return new CleanupPlan(plan.steps().stream().filter(s -> !s.equals(step)).toList(), plan.reason());
    }

    static Result apply(Grey page, CleanupPlan plan, PageTraits t, boolean medianDone) {
        Grey g = page;
        double scale = 1;
        for (String step : plan.steps()) {
            switch (step) {
                case "grey" -> {
                    // the input is grey already
                }
                case "median3" -> g = medianDone ? g : g.median3();
                case "halve" -> {
                    g = g.shrink(2);
                    scale /= 2;
                }
                case "normalise" -> g = g.normaliseBackground(block(t, scale));
                case "upscale2", "upscale3", "upscale4" -> {
                    int f = step.charAt(step.length() - 1) - '0';
                    g = g.upscale(f);
                    scale *= f;
                }
                case "otsu" -> g = g.otsu();
                case "sauvola" -> g = g.sauvola(window(t, scale), 0.2);
                case "deskew", "rotate90", "rotate180", "rotate270" -> {
                    // geometry is done on the display image before clean-up
                }
                default -> throw new IllegalArgumentException("unknown clean-up step " + step);
            }
        }
        return new Result(g, scale);
    }

    /** Background blocks of about three letter heights (at least 16 px). */
    private static int block(PageTraits t, double scale) {
        double h = t.textHeight() > 0 ? t.textHeight() : 20;
        return (int) Math.max(16, Math.round(h * 3 * scale));
    }

    /** Sauvola windows of about two letter heights, odd. */
    private static int window(PageTraits t, double scale) {
        double h = t.textHeight() > 0 ? t.textHeight() : 20;
        int w = (int) Math.max(15, Math.round(h * 2 * scale));
        return w | 1;
    }
}
