package org.hoso.xlsx.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** A workbook saved with a password, as Excel does it (agile encryption in an OLE2 container). */
final class Encrypted {

    private Encrypted() {
    }

    static Path write(Path workbook, Path out, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(password);
            try (InputStream in = Files.newInputStream(workbook); OPCPackage opc = OPCPackage.open(in);
                    OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                fs.writeFilesystem(o);
            }
        }
        return out;
    }
}
