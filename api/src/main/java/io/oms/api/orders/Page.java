package io.oms.api.orders;

import java.util.List;

/** One page of a list; {@code next} is an opaque cursor for the following page, absent on the last. */
public record Page<T>(List<T> items, String next) {}
