/**
 * Hoso's public API: the service facades the core offers and the contracts plugins implement.
 * <p>
 * Facades ({@code *Service}, {@link org.hoso.core.api.ObjectStore}) are implemented by the core only
 * ({@code @ProviderType}); extension contracts ({@link org.hoso.core.api.RecordType} and those that later issues
 * add) are implemented by plugins ({@code @ConsumerType}).
 */
@Export
@Version("0.3.0")
package org.hoso.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
