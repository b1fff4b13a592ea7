package io.oms.api.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list conventions as pure logic: whitelists, limits, sort directions and cursors bound to their listing. */
class ListQueryResolverTest {
    private final ListQueryResolver resolver = new ListQueryResolver(new PaginationProperties(50, 500));

    @Listing(resource = "things", filters = {"colour", "size"}, sorts = "made_at", defaultSort = "-made_at")
    void things() {}

    @Listing(resource = "others", sorts = "made_at", defaultSort = "-made_at")
    void others() {}

    @Listing(resource = "whole", filters = "colour", paged = false)
    void whole() {}

    @Test
    void defaultsToTheDeclaredSortAndPageSize() {
        ListQuery query = resolve("things", Map.of());
        assertThat(query.sort()).isEqualTo("-made_at");
        assertThat(query.ascending()).isFalse();
        assertThat(query.sortKey()).isEqualTo("made_at");
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.fetchSize()).isEqualTo(51);
        assertThat(query.afterKey()).isEmpty();
    }

    @Test
    void keepsOnlyTheWhitelistedFilters() {
        ListQuery query = resolve("things", params("colour", "red", "sort", "made_at", "limit", "500", "fields", "id"));
        assertThat(query.filters()).containsExactly(Map.entry("colour", "red"));
        assertThat(query.ascending()).isTrue();
        assertThat(query.limit()).isEqualTo(500);
    }

    @Test
    void refusesEveryUnknownRepeatedOrEmptyParameterAtOnceNamingEach() {
        assertThat(problems("things", Map.of("weight", new String[] {"1"}, "colour", new String[] {"a", "b"},
                "size", new String[] {" "}))).extracting(FieldProblem::field).containsExactlyInAnyOrder("weight", "colour", "size");
    }

    @Test
    void refusesASortKeyNotWhitelistedAndALimitOutOfBounds() {
        assertThat(problems("things", params("sort", "colour"))).extracting(FieldProblem::field).containsExactly("sort");
        for (String limit : List.of("0", "501", "-1", "ten", "99999999999")) {
            assertThat(problems("things", params("limit", limit))).extracting(FieldProblem::field).containsExactly("limit");
        }
    }

    @Test
    void unpagedListRefusesPagingParameters() {
        assertThat(problems("whole", params("limit", "10"))).extracting(FieldProblem::field).containsExactly("limit");
        assertThat(resolve("whole", params("colour", "red")).filter("colour")).contains("red");
    }

    @Test
    void cursorOfAPageLeadsToTheRowsAfterItsLastInTheSameListingAndSortOnly() {
        ListQuery first = resolve("things", params("limit", "2"));
        Page<String> page = first.page(List.of("a", "b", "c"), String::toUpperCase, row -> List.of(row, "k-" + row));
        assertThat(page.items()).containsExactly("A", "B");
        assertThat(page.next()).isNotBlank();
        assertThat(first.page(List.of("a", "b"), String::toUpperCase, row -> List.of(row)).next()).isNull();

        ListQuery second = resolve("things", params("limit", "2", "cursor", page.next()));
        assertThat(second.afterKey()).contains(List.of("b", "k-b"));
        assertThat(problems("things", params("cursor", page.next(), "sort", "made_at"))).extracting(FieldProblem::field)
                .containsExactly("cursor");
        assertThat(problems("others", params("cursor", page.next()))).extracting(FieldProblem::field).containsExactly("cursor");
        assertThat(problems("things", params("cursor", "%%%"))).extracting(FieldProblem::field).containsExactly("cursor");
    }

    @Test
    void cursorKeyThatDoesNotParseIsACursorProblem() {
        ListQuery query = resolve("things", params("cursor", Cursors.encode("things", "-made_at", List.of("not-a-number"))));
        assertThatThrownBy(() -> query.after(key -> Long.parseLong(key.get(0))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().getFirst().field()).isEqualTo("cursor"));
    }

    @Test
    void filterThatDoesNotParseNamesTheFilter() {
        ListQuery query = resolve("things", params("size", "huge"));
        assertThatThrownBy(() -> query.filter("size", Integer::parseInt, "must be a number"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().getFirst().field()).isEqualTo("size"));
    }

    private ListQuery resolve(String method, Map<String, String[]> params) {
        return resolver.resolve(listing(method), params);
    }

    private List<FieldProblem> problems(String method, Map<String, String[]> params) {
        try {
            resolve(method, params);
        } catch (ApiException e) {
            return e.details();
        }
        throw new AssertionError("expected a 400 for " + params.keySet());
    }

    private static Listing listing(String method) {
        try {
            return ListQueryResolverTest.class.getDeclaredMethod(method).getAnnotation(Listing.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String[]> params(String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        return params;
    }
}
