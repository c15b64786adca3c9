package org.hoso.extract.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Reads described values out of a document: a plugin contract, registered as an OSGi service with the properties
 * {@value #ID_PROPERTY}, {@value #VERSION_PROPERTY} and {@value #ACCEPTS_PROPERTY}; {@link Kind} sets them:
 *
 * <pre>
 * &#64;Component
 * &#64;Extractor.Kind(id = "nd30", version = "1.0", accepts = "admin-document")
 * public final class Nd30Extractor implements Extractor { ... }
 * </pre>
 *
 * Callers do not look extractors up: they call {@link ExtractionService}, which chooses among those registered.
 * <p>
 * An extractor must be thread-safe, must not throw on any text (empty, noise, one line of a megabyte: it returns
 * fewer or no fields) and must finish in time proportional to the text's length.
 *
 * @since 0.1.0
 */
@ConsumerType
public interface Extractor {

    /** Service property: the extractor's id, lower case with dots, e.g. {@code nd30}; the provenance agent. */
    String ID_PROPERTY = "hoso.extractor.id";
    /** Service property: its version, so that a catalogue can tell which proposals an older version made. */
    String VERSION_PROPERTY = "hoso.extractor.version";
    /**
     * Service property: the kinds of document it reads, e.g. {@value #ADMIN_DOCUMENT} (a Vietnamese administrative
     * document) or a {@link org.hoso.core.api.RecordType} id.
     */
    String ACCEPTS_PROPERTY = "hoso.extractor.accepts";
    /** The kind of an administrative document laid out as Decree 30/2020 prescribes. */
    String ADMIN_DOCUMENT = "admin-document";

    /** The id, equal to {@value #ID_PROPERTY}. */
    String id();

    /** The version, equal to {@value #VERSION_PROPERTY}. */
    String version();

    /** What it found; never null, never throws. */
    Extraction extract(ExtractionInput input);

    /** Makes a component an extractor: sets the service properties. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Kind {
        String PREFIX_ = "hoso.extractor.";

        /** {@value Extractor#ID_PROPERTY}. */
        String id();

        /** {@value Extractor#VERSION_PROPERTY}. */
        String version();

        /** {@value Extractor#ACCEPTS_PROPERTY}. */
        String[] accepts() default ADMIN_DOCUMENT;
    }
}
