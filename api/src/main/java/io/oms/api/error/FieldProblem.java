package io.oms.api.error;

/** One field's problem in a request. */
public record FieldProblem(String field, String problem) {}
