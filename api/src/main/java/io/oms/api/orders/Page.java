package io.oms.api.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a list; {@code next} is an opaque cursor for the following page, absent on the last. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {}
