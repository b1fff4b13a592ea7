package io.oms.infra.identity;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.util.UUID;

/** Users and memberships written straight to the test database (registration is not what these tests test). */
public final class TestUsers {
    private TestUsers() {}

    public static UUID user(TestDb db, String email) {
        UUID id = UuidV7.next();
        db.jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (:id, :email, '{noop}unused')")
                .param("id", id).param("email", email.toLowerCase()).update();
        return id;
    }

    public static UUID member(TestDb db, String tenant, Role role) {
        UUID id = user(db, "u-" + TestDb.randomHex(6) + "@example.test");
        new MembershipRepository(db.jdbc, db.tx).add(tenant, id, role);
        return id;
    }
}
