package org.hoso.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes the bundled sample records: a dissolved commune's fonds with a realistic classification scheme, files and
 * documents carrying realistic Vietnamese administrative metadata, and boxes. Reproducible: the same seed and size
 * always give the same records. Used by {@code hoso demo}, by workshops and by tests. The values are invented for
 * practice (names, numbers, retention choices) and are marked as such; they are not an official schedule.
 *
 * @since 0.2.0
 */
@ProviderType
public interface SampleGenerator {

    /** Fonds code of the sample fonds. */
    String SAMPLE_FONDS = "H99.01.05";

    /** The sample inventory with about {@code files} files, ready for {@link CatalogueService#importBatch}. */
    CatalogueService.ImportBatch inventory(long seed, int files);

    /**
     * A large generated inventory for benchmarks and load tests: {@code files} files of {@code itemsPerFile}
     * documents each, in fonds {@code fondsCode}, with the sample's kinds of files and documents. The list of files
     * holds nothing: each file is made when it is read, so importing a million documents needs little memory. The
     * same arguments always give the same records.
     *
     * @since 0.2.0
     */
    CatalogueService.ImportBatch bulkInventory(String fondsCode, long seed, int files, int itemsPerFile);
}
