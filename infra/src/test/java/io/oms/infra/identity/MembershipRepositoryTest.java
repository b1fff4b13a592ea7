package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MembershipRepositoryTest {
    private final TestDb db = TestDb.get();
    private final MembershipRepository memberships = new MembershipRepository(db.jdbc, db.tx);
    private final String tenant = db.newTenant();

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        UUID admin = TestUsers.member(db, tenant, Role.ADMIN);

        assertThat(memberships.changeRole(tenant, admin, Role.MANAGER)).isEqualTo(MembershipChange.LAST_ADMIN);
        assertThat(memberships.remove(tenant, admin)).isEqualTo(MembershipChange.LAST_ADMIN);
        assertThat(memberships.find(tenant, admin).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void withASecondAdminOneCanStepDown() {
        UUID first = TestUsers.member(db, tenant, Role.ADMIN);
        UUID second = TestUsers.member(db, tenant, Role.ADMIN);

        assertThat(memberships.changeRole(tenant, first, Role.VIEWER)).isEqualTo(MembershipChange.DONE);
        assertThat(memberships.remove(tenant, second)).isEqualTo(MembershipChange.LAST_ADMIN);
        assertThat(memberships.find(tenant, first).orElseThrow().role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() {
        UUID first = TestUsers.member(db, tenant, Role.ADMIN);
        UUID second = TestUsers.member(db, tenant, Role.ADMIN);

        var a = CompletableFuture.supplyAsync(() -> memberships.changeRole(tenant, first, Role.TRADER));
        var b = CompletableFuture.supplyAsync(() -> memberships.remove(tenant, second));

        assertThat(java.util.List.of(a.join(), b.join()))
                .containsExactlyInAnyOrder(MembershipChange.DONE, MembershipChange.LAST_ADMIN);
        assertThat(memberships.list(tenant).stream().filter(m -> m.role() == Role.ADMIN)).hasSize(1);
    }

    @Test
    void membersOfAnotherTenantAreNotFound() {
        UUID admin = TestUsers.member(db, tenant, Role.ADMIN);
        String other = db.newTenant();

        assertThat(memberships.find(other, admin)).isEmpty();
        assertThat(memberships.changeRole(other, admin, Role.VIEWER)).isEqualTo(MembershipChange.NOT_FOUND);
        assertThat(memberships.remove(other, admin)).isEqualTo(MembershipChange.NOT_FOUND);
        assertThat(memberships.list(other)).isEmpty();
    }

    @Test
    void addingAMemberTwiceChangesNothing() {
        UUID user = TestUsers.member(db, tenant, Role.VIEWER);
        assertThat(memberships.add(tenant, user, Role.ADMIN)).isFalse();
        assertThat(memberships.find(tenant, user).orElseThrow().role()).isEqualTo(Role.VIEWER);
    }
}
