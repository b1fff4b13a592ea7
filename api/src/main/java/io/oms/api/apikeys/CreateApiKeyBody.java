package io.oms.api.apikeys;

import java.util.List;

/** The body of {@code POST /api/v1/api-keys}; {@code expiresAt} an ISO-8601 instant, absent = never expires. */
public record CreateApiKeyBody(String name, List<String> scopes, String expiresAt) {}
