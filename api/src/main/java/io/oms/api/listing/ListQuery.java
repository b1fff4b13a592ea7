package io.oms.api.listing;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A validated list request: its filters (only the whitelisted ones), sort, page size and the key after which the
 * page starts. Controllers read typed filters and the cursor key through it and build the page with
 * {@link #page}, which fetches one row more than the page to know whether a next page exists.
 */
public record ListQuery(String listing, Map<String, String> filters, String sort, boolean ascending, int limit,
                        Optional<List<String>> afterKey) {

    /** The sort key without its direction, e.g. {@code created_at} for {@code -created_at}. */
    public String sortKey() {
        return sort.startsWith("-") ? sort.substring(1) : sort;
    }

    public Optional<String> filter(String name) {
        return Optional.ofNullable(filters.get(name));
    }

    /** A filter parsed to its type; a value the parser refuses is a 400 naming the filter. */
    public <T> Optional<T> filter(String name, Function<String, T> parser, String problem) {
        return filter(name).map(value -> {
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw ApiException.validation(List.of(new FieldProblem(name, problem)));
            }
        });
    }

    /** The cursor's key parsed to the listing's key type; a key that does not parse is a 400 on {@code cursor}. */
    public <K> Optional<K> after(Function<List<String>, K> parser) {
        return afterKey.map(key -> {
            try {
                return parser.apply(key);
            } catch (RuntimeException e) {
                throw Cursors.invalid("is not a cursor this API issued");
            }
        });
    }

    /** How many rows to read: one more than the page, to tell whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The page of the first {@code limit} rows; {@code next} is the cursor after the last of them, if more exist. */
    public <R, T> Page<T> page(List<R> rows, Function<R, T> resource, Function<R, List<String>> key) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursors.encode(listing, sort, key.apply(shown.getLast())) : null;
        return new Page<>(shown.stream().map(resource).toList(), next);
    }
}
