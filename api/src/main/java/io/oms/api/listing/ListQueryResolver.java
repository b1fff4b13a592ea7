package io.oms.api.listing;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds the {@link ListQuery} of a {@link Listing} handler from the query string, refusing (400
 * {@code VALIDATION_ERROR}, one detail per problem) unknown parameters, a repeated or empty one, a sort key not
 * whitelisted, a {@code limit} outside 1..max and a cursor that does not belong to this listing and sort.
 */
public class ListQueryResolver implements HandlerMethodArgumentResolver {
    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";
    public static final String SORT = "sort";
    private final PaginationProperties pages;

    public ListQueryResolver(PaginationProperties pages) {
        this.pages = pages;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ListQuery.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Listing listing = parameter.getMethodAnnotation(Listing.class);
        if (listing == null) {
            throw new IllegalStateException(parameter.getMethod() + " takes a ListQuery but has no @Listing");
        }
        return resolve(listing, request.getParameterMap());
    }

    ListQuery resolve(Listing listing, Map<String, String[]> params) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(listing.filters()));
        if (listing.paged()) known.addAll(List.of(LIMIT, CURSOR, SORT));
        known.add(SparseFieldsets.FIELDS);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, given) -> {
            if (!known.contains(name)) {
                problems.add(new FieldProblem(name, "is not a parameter of this list; it takes " + String.join(", ", known)));
            } else if (given.length != 1) {
                problems.add(new FieldProblem(name, "must be given once"));
            } else if (given[0].isBlank()) {
                problems.add(new FieldProblem(name, "must not be empty"));
            } else {
                values.put(name, given[0].trim());
            }
        });
        String sort = values.getOrDefault(SORT, listing.defaultSort());
        if (listing.paged() && !allowedSorts(listing).contains(sort)) {
            problems.add(new FieldProblem(SORT, "must be one of " + String.join(", ", allowedSorts(listing))));
        }
        int limit = listing.paged() ? limit(values.get(LIMIT), problems) : Integer.MAX_VALUE - 1;
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Optional<List<String>> after = Optional.ofNullable(values.get(CURSOR))
                .map(cursor -> Cursors.decode(cursor, listing.resource(), sort));
        Map<String, String> filters = new LinkedHashMap<>(values);
        filters.keySet().removeAll(List.of(LIMIT, CURSOR, SORT, SparseFieldsets.FIELDS));
        return new ListQuery(listing.resource(), Map.copyOf(filters), sort, !sort.startsWith("-"), limit, after);
    }

    static List<String> allowedSorts(Listing listing) {
        List<String> sorts = new ArrayList<>();
        for (String key : listing.sorts()) {
            sorts.add(key);
            sorts.add("-" + key);
        }
        return sorts;
    }

    private int limit(String value, List<FieldProblem> problems) {
        if (value == null) return pages.defaultPageSize();
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= pages.maxPageSize()) return limit;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(LIMIT, "must be a whole number from 1 to " + pages.maxPageSize()));
        return pages.defaultPageSize();
    }
}
