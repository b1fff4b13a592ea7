package io.oms.infra.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants, keyed by their slug. */
@Repository
public class TenantRepository {
    private final JdbcClient jdbc;

    public TenantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the tenant unless it exists (an existing tenant keeps its name). True when created. */
    public boolean ensure(String id, String name) {
        return jdbc.sql("INSERT INTO tenants (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
                .param("id", id)
                .param("name", name)
                .update() == 1;
    }

    public Optional<String> findName(String id) {
        return jdbc.sql("SELECT name FROM tenants WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** Every tenant's id, in id order. */
    public java.util.List<String> listIds() {
        return jdbc.sql("SELECT id FROM tenants ORDER BY id").query(String.class).list();
    }
}
