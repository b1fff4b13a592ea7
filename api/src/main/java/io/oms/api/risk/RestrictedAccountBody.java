package io.oms.api.risk;

/** The body of {@code PUT /api/v1/risk/restricted-accounts/{account}}: why the account may not trade. */
public record RestrictedAccountBody(String reason) {}
