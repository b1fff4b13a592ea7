package io.oms.workflows.domain;

import java.util.Objects;
import java.util.UUID;

/** The OMS's own order id (a UUIDv7, chosen by the API before the workflow starts). */
public record OrderId(UUID value) {
    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    public static OrderId parse(String text) {
        return new OrderId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
