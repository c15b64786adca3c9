package org.hoso.core.api.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A node of a fonds' classification scheme (phương án phân loại): by organisational unit, subject or period, as
 * the archivist chose. Nodes form a tree; {@code position} orders siblings.
 *
 * @param id        catalogue id
 * @param fondsCode the fonds
 * @param parentId  the parent node, empty for a top-level group
 * @param code      the group's code as written in the scheme ("I", "I.1", "A"...)
 * @param title     its title ("Văn phòng", "Tổ chức - Cán bộ"...)
 * @param position  order among its siblings, from 1
 * @since 0.1.0
 */
public record SchemeNode(long id, String fondsCode, Optional<Long> parentId, String code, String title,
        int position) {

    public SchemeNode {
        Objects.requireNonNull(fondsCode, "fondsCode");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
