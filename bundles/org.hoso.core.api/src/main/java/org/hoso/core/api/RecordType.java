package org.hoso.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * A kind of record with its own description fields, contributed by a plugin: cadastral map sheets (bản đồ địa
 * chính), design drawings (bản vẽ thiết kế), civil status registers (sổ hộ tịch)...
 * <p>
 * Register an implementation as an OSGi service; annotate the component with {@link Kind} so the id is also a
 * service property that tools can filter on without loading the class:
 *
 * <pre>
 * &#64;Component
 * &#64;RecordType.Kind(id = "cadastral.sheet")
 * public final class CadastralSheet implements RecordType { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@ConsumerType
public interface RecordType {

    /** Service property holding the record type id. */
    String ID_PROPERTY = "hoso.recordtype.id";

    /** Stable id, lower case with dots, unique across plugins (e.g. {@code cadastral.sheet}). */
    String id();

    /** Name shown to users in the given language (Vietnamese first; English when asked). */
    String label(Locale locale);

    /** The description fields this record type adds to a file unit or item, in display order. */
    List<FieldDefinition> fields();

    /** Makes a component a record type plugin: sets {@value #ID_PROPERTY}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Kind {
        String PREFIX_ = "hoso.recordtype.";

        String id();
    }
}
