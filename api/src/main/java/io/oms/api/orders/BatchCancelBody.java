package io.oms.api.orders;

import java.util.List;

/** The body of {@code POST /api/v1/orders/batch/cancel}: the ids of the orders to cancel. */
public record BatchCancelBody(List<String> ids) {}
