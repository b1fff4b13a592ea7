package io.oms.api.openapi;

import io.oms.api.listing.ListQueryResolver;
import io.oms.api.listing.Listing;
import io.oms.api.listing.SparseFieldsets;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** The query parameters of the API's conventions, documented from the same declarations that enforce them. */
final class ListingDocumentation {
    private ListingDocumentation() {}

    static void addParameters(Operation operation, HandlerMethod handler) {
        Listing listing = handler.getMethodAnnotation(Listing.class);
        if (listing != null) {
            for (String filter : listing.filters()) {
                operation.addParametersItem(query(filter, "filter (exact match unless documented otherwise)", new StringSchema()));
            }
            if (listing.paged()) {
                StringSchema sort = new StringSchema();
                for (String key : listing.sorts()) {
                    sort.addEnumItem(key);
                    sort.addEnumItem("-" + key);
                }
                sort.setDefault(listing.defaultSort());
                operation.addParametersItem(query(ListQueryResolver.SORT, "sort key; '-' for descending", sort));
                operation.addParametersItem(query(ListQueryResolver.LIMIT,
                        "page size, 1 to the server maximum (oms.api.pagination.max-page-size)", new IntegerSchema()));
                operation.addParametersItem(query(ListQueryResolver.CURSOR,
                        "the opaque next of the previous page (same sort)", new StringSchema()));
            }
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean get = mapping != null && (mapping.method().length == 0 || mapping.method()[0] == RequestMethod.GET);
        if (get && handler.getMethod().getDeclaringClass().getPackageName().startsWith("io.oms.api")) {
            operation.addParametersItem(query(SparseFieldsets.FIELDS,
                    "comma-separated properties of the resource to keep (sparse fieldset)", new StringSchema()));
        }
    }

    private static Parameter query(String name, String description, io.swagger.v3.oas.models.media.Schema<?> schema) {
        return new Parameter().in("query").name(name).required(false).description(description).schema(schema);
    }
}
