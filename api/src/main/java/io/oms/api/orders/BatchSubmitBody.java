package io.oms.api.orders;

import java.util.List;

/** The body of {@code POST /api/v1/orders/batch}: each item is what {@code POST /api/v1/orders} takes. */
public record BatchSubmitBody(List<SubmitOrderBody> orders) {}
