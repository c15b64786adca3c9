package org.hoso.digitise.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Quality checks of a scanned page: resolution, colour depth, blank page, skew, rotation, cropping.
 *
 * @since 0.1.0
 */
@ProviderType
public interface QualityChecker {

    QualityReport check(PageImage page, QualityPolicy policy) throws IOException;
}
