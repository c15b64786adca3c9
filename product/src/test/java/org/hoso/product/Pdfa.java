package org.hoso.product;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** veraPDF's verdict on a file the product wrote. */
final class Pdfa {

    private Pdfa() {
    }

    /** The PDF/A-2b rules the file breaks ("clause message"), none when it conforms. */
    static List<String> failures(Path pdf) throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        var flavour = org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_B;
        try (var in = Files.newInputStream(pdf);
                var parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(in, flavour)) {
            var result = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(flavour, false).validate(parser);
            return result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList();
        }
    }
}
