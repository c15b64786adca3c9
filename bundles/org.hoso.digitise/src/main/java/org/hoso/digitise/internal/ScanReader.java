package org.hoso.digitise.internal;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.hoso.digitise.api.ColourKind;
import org.hoso.digitise.api.PageImage;
import org.hoso.digitise.api.PageInfo;
import org.hoso.digitise.api.ReadOptions;
import org.hoso.digitise.api.ScanSource;
import org.hoso.digitise.api.UnreadablePageException;
import org.hoso.digitise.api.UnreadablePageException.Problem;
import org.osgi.service.component.annotations.Component;
import org.w3c.dom.Node;

/**
 * Reads TIFF, JPEG and PNG with the JDK's Image I/O readers (headers first, pixels only when the size is
 * acceptable) and PDFs with {@link PdfScans}.
 */
@Component(service = ScanSource.class)
public final class ScanReader implements ScanSource {

    @Override
    public List<PageInfo> probe(Path file) throws UnreadablePageException {
        String name = file.toString();
        String format = sniff(file);
        if (format.equals("PDF")) {
            return PdfScans.probe(file, ReadOptions.DEFAULT);
        }
        try (ImageInputStream in = open(file)) {
            if (format.equals("TIFF")) {
                checkTiffChain(file);
            }
            ImageReader reader = reader(name, format, in);
            try {
                int n = pageCount(reader, name);
                List<PageInfo> pages = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    pages.add(info(reader, name, format, i, n));
                }
                return pages;
            } finally {
                reader.dispose();
            }
        } catch (UnreadablePageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(name, 0, e);
        }
    }

    @Override
    public java.util.Optional<String> text(Path file, int page) throws UnreadablePageException {
        return sniff(file).equals("PDF") ? PdfScans.text(file, page) : java.util.Optional.empty();
    }

    @Override
    public PageImage read(Path file, int page, ReadOptions options) throws UnreadablePageException {
        String name = file.toString();
        String format = sniff(file);
        if (format.equals("PDF")) {
            return PdfScans.read(file, page, options);
        }
        try (ImageInputStream in = open(file)) {
            if (format.equals("TIFF")) {
                checkTiffChain(file);
            }
            ImageReader reader = reader(name, format, in);
            try {
                int n = pageCount(reader, name);
                if (page < 1 || page > n) {
                    throw new UnreadablePageException(name, page, Problem.NO_SUCH_PAGE, n + " page(s)");
                }
                PageInfo info = info(reader, name, format, page - 1, n);
                int sub = subsampling(info, options);
                if (format.equals("TIFF")) {
                    checkTiffData(reader, page, name, Files.size(file));
                }
                ImageReadParam param = reader.getDefaultReadParam();
                if (sub > 1) {
                    param.setSourceSubsampling(sub, sub, 0, 0);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        warnings.add(warning);
                    }
                });
                BufferedImage img;
                try {
                    img = reader.read(page - 1, param);
                } catch (IOException | RuntimeException e) {
                    throw failure(name, page, e);
                }
                for (String w : warnings) {
                    // the JPEG reader fills a truncated file with grey and only warns
                    String lower = w.toLowerCase(Locale.ROOT);
                    Problem p = lower.contains("premature") || lower.contains("end of") || lower.contains("truncat")
                            ? Problem.TRUNCATED : Problem.DAMAGED;
                    throw new UnreadablePageException(name, page, p, w);
                }
                double dpi = info.dpiKnown() ? info.dpi() / sub : options.assumedDpi() / sub;
                return new PageImage(info, img, dpi, sub);
            } finally {
                reader.dispose();
            }
        } catch (UnreadablePageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(name, page, e);
        } catch (OutOfMemoryError e) {
            throw new UnreadablePageException(name, page, Problem.TOO_LARGE, "out of memory while decoding");
        }
    }

    /**
     * A TIFF page whose strips or tiles lie past the end of the file is truncated: the JDK's decoders would fill
     * the missing part with white without a word.
     */
    private static void checkTiffData(ImageReader reader, int page, String name, long size) throws IOException {
        javax.imageio.plugins.tiff.TIFFDirectory dir = javax.imageio.plugins.tiff.TIFFDirectory
                .createFromMetadata(reader.getImageMetadata(page - 1));
        int[][] pairs = { { javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_STRIP_OFFSETS,
            javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS },
            { javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_TILE_OFFSETS,
                javax.imageio.plugins.tiff.BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS } };
        for (int[] pair : pairs) {
            javax.imageio.plugins.tiff.TIFFField offsets = dir.getTIFFField(pair[0]);
            javax.imageio.plugins.tiff.TIFFField counts = dir.getTIFFField(pair[1]);
            if (offsets == null || counts == null) {
                continue;
            }
            for (int i = 0; i < Math.min(offsets.getCount(), counts.getCount()); i++) {
                long end = offsets.getAsLong(i) + counts.getAsLong(i);
                if (end > size) {
                    throw new UnreadablePageException(name, page, Problem.TRUNCATED,
                            "image data up to byte " + end + ", file has " + size);
                }
            }
        }
    }

    /** 1, or the smallest n whose n×n subsampling fits the limit; refuses when the options say so. */
    static int subsampling(PageInfo info, ReadOptions options) throws UnreadablePageException {
        if (info.pixels() <= options.maxPixels()) {
            return 1;
        }
        String size = String.format(Locale.ROOT, "%d x %d pixels = %.0f MP; limit %.0f MP", info.width(),
                info.height(), info.pixels() / 1e6, options.maxPixels() / 1e6);
        if (options.oversize() == ReadOptions.Oversize.REFUSE) {
            throw new UnreadablePageException(info.source(), info.page(), Problem.TOO_LARGE, size);
        }
        int n = (int) Math.ceil(Math.sqrt((double) info.pixels() / options.maxPixels()));
        while ((long) (info.width() / n) * (info.height() / n) > options.maxPixels()) {
            n++;
        }
        return n;
    }

    /** The format from the first bytes: TIFF, JPEG, PNG or PDF. */
    static String sniff(Path file) throws UnreadablePageException {
        String name = file.toString();
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new UnreadablePageException(name, 0, Problem.NOT_FOUND, "no such file", e);
        } catch (IOException e) {
            throw new UnreadablePageException(name, 0, Problem.NOT_FOUND, e.toString(), e);
        }
        if (n == 0) {
            throw new UnreadablePageException(name, 0, Problem.EMPTY, "0 bytes");
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return "TIFF";
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "JPEG";
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "PNG";
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return "PDF";
        }
        throw new UnreadablePageException(name, 0, Problem.UNSUPPORTED_FORMAT,
                n < 4 ? n + " bytes" : String.format("starts with %02x %02x %02x %02x", head[0], head[1], head[2], head[3]));
    }

    private static ImageInputStream open(Path file) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
        if (in == null) {
            throw new IOException("cannot open " + file);
        }
        return in;
    }

    private static ImageReader reader(String name, String format, ImageInputStream in)
            throws UnreadablePageException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new UnreadablePageException(name, 0, Problem.UNSUPPORTED_FORMAT, "no " + format + " reader");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, false);
        return reader;
    }

    /**
     * Walks a classic TIFF's chain of directories: one that points past the end of the file means pages were cut
     * off, which the JDK's reader would silently ignore.
     */
    static void checkTiffChain(Path file) throws IOException {
        String name = file.toString();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
            if (ch.read(b, 0) < 8) {
                throw new UnreadablePageException(name, 1, Problem.TRUNCATED, "no TIFF header");
            }
            b.flip();
            b.order(b.get(0) == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
            if (b.getShort(2) != 42) {
                return; // BigTIFF: left to the reader
            }
            long offset = b.getInt(4) & 0xffffffffL;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            int page = 1;
            while (offset != 0 && seen.add(offset) && page < 100_000) {
                java.nio.ByteBuffer count = java.nio.ByteBuffer.allocate(2).order(b.order());
                if (offset + 2 > size || ch.read(count, offset) < 2) {
                    throw new UnreadablePageException(name, page, Problem.TRUNCATED,
                            "directory of page " + page + " at byte " + offset + ", file has " + size);
                }
                int entries = count.getShort(0) & 0xffff;
                long next = offset + 2 + 12L * entries;
                java.nio.ByteBuffer link = java.nio.ByteBuffer.allocate(4).order(b.order());
                if (next + 4 > size || ch.read(link, next) < 4) {
                    throw new UnreadablePageException(name, page, Problem.TRUNCATED,
                            "directory of page " + page + " ends past the end of the file (" + size + " bytes)");
                }
                offset = link.getInt(0) & 0xffffffffL;
                page++;
            }
        }
    }

    private static int pageCount(ImageReader reader, String name) throws IOException {
        int n = reader.getNumImages(true);
        if (n < 1) {
            throw new UnreadablePageException(name, 0, Problem.DAMAGED, "no image in the file");
        }
        return n;
    }

    private static PageInfo info(ImageReader reader, String name, String format, int index, int pages)
            throws IOException {
        int w = reader.getWidth(index);
        int h = reader.getHeight(index);
        double dpi = 0;
        try {
            dpi = dpi(reader.getImageMetadata(index));
        } catch (IOException | RuntimeException e) {
            // no usable metadata: resolution unknown
        }
        ColourKind colour = ColourKind.COLOUR;
        int bits = 24;
        ImageTypeSpecifier type = reader.getRawImageType(index);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(index);
            type = types.hasNext() ? types.next() : null;
        }
        if (type != null) {
            ColorModel cm = type.getColorModel();
            bits = cm.getPixelSize();
            if (bits == 1) {
                colour = ColourKind.BILEVEL;
            } else if (cm.getNumColorComponents() == 1 && !(cm instanceof java.awt.image.IndexColorModel)) {
                colour = ColourKind.GREY;
            } else if (cm instanceof java.awt.image.IndexColorModel icm && greyPalette(icm)) {
                colour = icm.getMapSize() <= 2 ? ColourKind.BILEVEL : ColourKind.GREY;
            }
        }
        return new PageInfo(name, index + 1, pages, format, w, h, dpi, colour, bits);
    }

    private static boolean greyPalette(java.awt.image.IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** Dots per inch from the standard metadata tree (pixel size in millimetres), 0 when absent or absurd. */
    static double dpi(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node dim = root.getFirstChild(); dim != null; dim = dim.getNextSibling()) {
            if (!"Dimension".equals(dim.getNodeName())) {
                continue;
            }
            for (Node n = dim.getFirstChild(); n != null; n = n.getNextSibling()) {
                if ("HorizontalPixelSize".equals(n.getNodeName())) {
                    Node v = n.getAttributes().getNamedItem("value");
                    if (v != null) {
                        double mm = Double.parseDouble(v.getNodeValue());
                        double dpi = mm > 0 ? 25.4 / mm : 0;
                        // JFIF files often say 1 "dot per unit" without a unit; anything this low is not a scan's
                        return dpi >= 10 && dpi <= 10_000 ? Math.round(dpi * 100) / 100.0 : 0;
                    }
                }
            }
        }
        return 0;
    }

    static UnreadablePageException failure(String name, int page, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("end of"))) {
                return new UnreadablePageException(name, page, Problem.TRUNCATED, describe(e), e);
            }
        }
        return new UnreadablePageException(name, page, Problem.DAMAGED, describe(e), e);
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 300; t = t.getCause()) {
            if (!sb.isEmpty()) {
                sb.append(": ");
            }
            sb.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return sb.toString();
    }
}
