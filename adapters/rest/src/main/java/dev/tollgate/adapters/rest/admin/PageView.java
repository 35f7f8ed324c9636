package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.application.admin.Page;
import java.util.List;
import java.util.function.Function;

/** A page of an admin list: {@code next_offset} only when more items follow. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageView<T>(
        @JsonProperty("items") List<T> items,
        @JsonProperty("offset") int offset,
        @JsonProperty("limit") int limit,
        @JsonProperty("next_offset") Integer nextOffset) {

    static <U, T> PageView<T> of(Page<U> page, Function<U, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.offset(), page.limit(),
                page.nextOffset().isPresent() ? page.nextOffset().getAsInt() : null);
    }
}
