package org.hoso.ui.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Pictures of the window for the record (and the READMEs), taken by the UI tests. */
final class Screenshots {

    private Screenshots() {
    }

    /**
     * Saves the window as PNG under {@code target/screenshots}: the screen area of the shell copied with a display
     * GC; ImageMagick's {@code import} of the root window if that gives a blank picture.
     */
    static void take(Robot robot, Shell shell, String name) throws Exception {
        Path dir = Paths.get(System.getProperty("hoso.itest.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Thread.sleep(500);
        robot.onUi(() -> {
            shell.update();
            return null;
        });
        Rectangle area = robot.onUi(shell::getBounds);
        ImageData data = robot.onUi(() -> {
            Display display = shell.getDisplay();
            Image image = new Image(display, area.width, area.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, area.x, area.y);
            } finally {
                gc.dispose();
            }
            ImageData d = image.getImageData();
            image.dispose();
            return d;
        });
        if (!blank(data)) {
            ImageLoader loader = new ImageLoader();
            data = withoutScreenMargin(data);
            loader.data = new ImageData[] {data};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } else {
            Process p = new ProcessBuilder("import", "-window", "root", "-crop",
                    area.width + "x" + area.height + "+" + area.x + "+" + area.y, "+repage", file.toString())
                    .inheritIO().start();
            assertEquals(0, p.waitFor(), "ImageMagick import");
        }
        assertTrue(Files.size(file) > 10_000, "a real picture in " + file);
        System.out.printf("[itest] screenshot %s (%dx%d)%n", file, data.width, data.height);
    }

    /**
     * Without a window manager there is no frame, yet SWT counts one in the shell's bounds: the copied area ends
     * in a strip of the bare (black) screen at the right and bottom. Cut it off.
     */
    private static ImageData withoutScreenMargin(ImageData data) {
        int width = data.width;
        int height = data.height;
        while (height > 1 && uniformBlack(data, 0, height - 1, width, 1)) {
            height--;
        }
        while (width > 1 && uniformBlack(data, width - 1, 0, 1, height)) {
            width--;
        }
        if (width == data.width && height == data.height) {
            return data;
        }
        ImageData cropped = new ImageData(width, height, data.depth, data.palette);
        int[] line = new int[width];
        for (int y = 0; y < height; y++) {
            data.getPixels(0, y, width, line, 0);
            cropped.setPixels(0, y, width, line, 0);
        }
        return cropped;
    }

    private static boolean uniformBlack(ImageData data, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                if (rgb.red != 0 || rgb.green != 0 || rgb.blue != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean blank(ImageData data) {
        int first = data.getPixel(0, 0);
        for (int y = 0; y < data.height; y += 7) {
            for (int x = 0; x < data.width; x += 7) {
                if (data.getPixel(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
