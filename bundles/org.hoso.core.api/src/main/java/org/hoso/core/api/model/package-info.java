/**
 * The value types of the archival domain, shared by the catalogue, digitisation, extraction and export: where a
 * value came from ({@link org.hoso.core.api.model.Provenance}, {@link org.hoso.core.api.model.Field}), dates as
 * archivists write them ({@link org.hoso.core.api.model.PartialDate}), retention
 * ({@link org.hoso.core.api.model.RetentionPeriod}), access and secrecy marks, and the code lists of
 * Thông tư 05/2025/TT-BNV ({@link org.hoso.core.api.model.CodeList}), shipped as data a province can replace.
 */
@Export
@Version("0.3.0")
package org.hoso.core.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
