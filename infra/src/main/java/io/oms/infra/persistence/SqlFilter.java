package io.oms.infra.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A WHERE clause built from optional filters: each present value adds one condition with a named parameter,
 * absent ones add nothing. Column names and operators come from code, never from a request.
 */
public final class SqlFilter {
    private final StringBuilder sql;
    private final Map<String, Object> params = new LinkedHashMap<>();

    public SqlFilter(String select, String tenantId) {
        this.sql = new StringBuilder(select).append(" WHERE tenant_id = :tenantId");
        params.put("tenantId", tenantId);
    }

    public SqlFilter where(String condition, String param, Optional<?> value) {
        value.ifPresent(v -> {
            sql.append(" AND ").append(condition);
            params.put(param, v);
        });
        return this;
    }

    /** Keyset pagination: the rows strictly after {@code key} in the listing's order over {@code columns}. */
    public SqlFilter after(String columns, boolean ascending, Optional<Map<String, Object>> key) {
        key.ifPresent(k -> {
            sql.append(" AND (").append(columns).append(ascending ? ") > (" : ") < (")
                    .append(String.join(", ", k.keySet().stream().map(p -> ":" + p).toList())).append(")");
            params.putAll(k);
        });
        return this;
    }

    public SqlFilter orderBy(String columns, boolean ascending, int limit) {
        String direction = ascending ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(String.join(direction + ", ", columns.split(",\\s*"))).append(direction)
                .append(" LIMIT :limit");
        params.put("limit", limit);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
