package dev.tollgate.application.admin;

import java.util.List;

/** One page of a list in a stable order; {@code nextOffset} is absent on the last page. */
public record Page<T>(List<T> items, int offset, int limit, java.util.OptionalInt nextOffset) {

    public Page {
        items = List.copyOf(items);
    }

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only tells that more exist. */
    public static <T> Page<T> of(List<T> fetched, int offset, int limit) {
        boolean more = fetched.size() > limit;
        return new Page<>(more ? fetched.subList(0, limit) : fetched, offset, limit,
                more ? java.util.OptionalInt.of(offset + limit) : java.util.OptionalInt.empty());
    }
}
