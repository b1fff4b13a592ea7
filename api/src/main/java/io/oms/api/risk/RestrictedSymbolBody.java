package io.oms.api.risk;

/** The body of {@code PUT /api/v1/risk/restricted-symbols/{symbol}}: why the symbol may not be traded. */
public record RestrictedSymbolBody(String reason) {}
