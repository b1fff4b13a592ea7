package io.oms.api.listing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of the list endpoints ({@code oms.api.pagination}; env {@code OMS_API_PAGINATION_DEFAULT_PAGE_SIZE},
 * {@code OMS_API_PAGINATION_MAX_PAGE_SIZE}): {@code limit} defaults to the first and may not exceed the second
 * (a larger one is a 400, not silently clamped, so a client never mistakes a short page for the end).
 */
@ConfigurationProperties("oms.api.pagination")
public record PaginationProperties(@DefaultValue("50") int defaultPageSize, @DefaultValue("500") int maxPageSize) {
    public PaginationProperties {
        if (maxPageSize < 1 || maxPageSize > 1000) {
            throw new IllegalArgumentException("oms.api.pagination.max-page-size must be 1..1000, not " + maxPageSize);
        }
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("oms.api.pagination.default-page-size must be 1..max-page-size, not "
                    + defaultPageSize);
        }
    }
}
