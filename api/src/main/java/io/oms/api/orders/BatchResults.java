package io.oms.api.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.api.error.ErrorEnvelope;
import java.util.List;

/** The answer of a batch endpoint: one result per item, in request order. */
public record BatchResults(List<Item> results) {

    /** What the single request would have answered for this item: its status and either the order or the error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, int status, OrderResource order, ErrorEnvelope error) {}
}
