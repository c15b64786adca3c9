package org.hoso.core.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service a bundle contributes.
 *
 * @param id          service.id
 * @param types       the interfaces it is registered under
 * @param properties  its Hoso-relevant properties (component name and {@code hoso.*} properties), as text
 * @since 0.1.0
 */
public record ServiceInfo(long id, List<String> types, Map<String, String> properties) {

    public ServiceInfo {
        types = List.copyOf(types);
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }
}
