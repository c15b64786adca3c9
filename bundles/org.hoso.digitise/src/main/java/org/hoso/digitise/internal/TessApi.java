package org.hoso.digitise.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.FloatByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few functions of Tesseract's C API (libtesseract.so.5, {@code capi.h}) Hoso calls, through JNA. No Leptonica
 * call is needed: images are passed as 8-bit grey bytes.
 */
interface TessApi extends Library {

    int RIL_TEXTLINE = 2;
    int RIL_WORD = 3;
    int OEM_DEFAULT = 3;

    String TessVersion();

    Pointer TessBaseAPICreate();

    int TessBaseAPIInit2(Pointer handle, String datapath, String language, int oem);

    void TessBaseAPIEnd(Pointer handle);

    void TessBaseAPIDelete(Pointer handle);

    int TessBaseAPISetVariable(Pointer handle, String name, String value);

    void TessBaseAPISetPageSegMode(Pointer handle, int mode);

    void TessBaseAPISetImage(Pointer handle, byte[] data, int width, int height, int bytesPerPixel,
            int bytesPerLine);

    void TessBaseAPISetSourceResolution(Pointer handle, int ppi);

    int TessBaseAPIRecognize(Pointer handle, Pointer monitor);

    int TessBaseAPIDetectOrientationScript(Pointer handle, IntByReference orientDeg, FloatByReference orientConf,
            PointerByReference scriptName, FloatByReference scriptConf);

    void TessBaseAPIClear(Pointer handle);

    Pointer TessBaseAPIGetIterator(Pointer handle);

    void TessResultIteratorDelete(Pointer iterator);

    int TessResultIteratorNext(Pointer iterator, int level);

    Pointer TessResultIteratorGetPageIterator(Pointer iterator);

    Pointer TessResultIteratorGetUTF8Text(Pointer iterator, int level);

    float TessResultIteratorConfidence(Pointer iterator, int level);

    int TessPageIteratorIsAtBeginningOf(Pointer iterator, int level);

    int TessPageIteratorBoundingBox(Pointer iterator, int level, IntByReference left, IntByReference top,
            IntByReference right, IntByReference bottom);

    void TessDeleteText(Pointer text);

    /** libc, for {@code setenv} before Tesseract (and its OpenMP runtime) is loaded. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Loads libtesseract once. OpenMP reads {@code OMP_THREAD_LIMIT} when it is loaded (with Tesseract): set it to 1
     * first, since Hoso runs one single-threaded engine per core, which is faster than OpenMP threads fighting.
     */
    static TessApi load() {
        try {
            LibC libc = Native.load("c", LibC.class);
            if (System.getenv("OMP_THREAD_LIMIT") == null) {
                libc.setenv("OMP_THREAD_LIMIT", "1", 0);
            }
        } catch (UnsatisfiedLinkError e) {
            // not fatal: OpenMP then uses its own default
        }
        UnsatisfiedLinkError first;
        try {
            return Native.load("tesseract", TessApi.class);
        } catch (UnsatisfiedLinkError e) {
            first = e;
        }
        try {
            // Debian installs only the versioned name unless libtesseract-dev is there
            return Native.load("libtesseract.so.5", TessApi.class);
        } catch (UnsatisfiedLinkError e) {
            e.addSuppressed(first);
            throw e;
        }
    }
}
