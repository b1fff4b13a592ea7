package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.security.ApiKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitesTest {
    private final TestDb db = TestDb.get();
    private final InviteRepository repository = new InviteRepository(db.jdbc);
    private final MembershipRepository memberships = new MembershipRepository(db.jdbc, db.tx);
    private final Invites invites = new Invites(repository, memberships, db.jdbc, db.tx);
    private final String tenant = db.newTenant();

    @Test
    void acceptingMakesTheInvitedUserAMemberWithTheRoleAndUsesTheInviteUp() {
        String email = "Ann-" + TestDb.randomHex(4) + "@Example.test";
        UUID ann = TestUsers.user(db, email);
        Invites.IssuedInvite issued = invites.create(tenant, email, Role.TRADER, "api-key:x");

        Invites.Acceptance accepted = invites.accept(issued.token(), ann);

        assertThat(accepted.outcome()).isEqualTo(Invites.Outcome.ACCEPTED);
        assertThat(memberships.find(tenant, ann).orElseThrow().role()).isEqualTo(Role.TRADER);
        assertThat(invites.accept(issued.token(), ann).outcome()).isEqualTo(Invites.Outcome.ALREADY_ACCEPTED);
        assertThat(repository.find(tenant, issued.invite().id()).orElseThrow().acceptedBy()).isEqualTo(ann);
    }

    @Test
    void onlyTheTokensHashIsStored() {
        Invites.IssuedInvite issued = invites.create(tenant, "x@example.test", Role.VIEWER, "api-key:x");
        InviteRow row = repository.find(tenant, issued.invite().id()).orElseThrow();

        assertThat(issued.token()).matches("inv_[A-Za-z0-9_-]{43}");
        assertThat(row.tokenHash()).isEqualTo(ApiKeys.hash(issued.token())).doesNotContain(issued.token().substring(4));
        assertThat(row.expiresAt()).isEqualTo(row.createdAt().plus(Invites.VALIDITY));
    }

    @Test
    void anotherUserCannotAcceptIt() {
        Invites.IssuedInvite issued = invites.create(tenant, "bob-" + TestDb.randomHex(4) + "@example.test", Role.ADMIN, "a");
        UUID mallory = TestUsers.user(db, "mallory-" + TestDb.randomHex(4) + "@example.test");

        assertThat(invites.accept(issued.token(), mallory).outcome()).isEqualTo(Invites.Outcome.WRONG_USER);
        assertThat(memberships.find(tenant, mallory)).isEmpty();
    }

    @Test
    void expiredRevokedAndUnknownInvitesAreRefused() {
        String email = "c-" + TestDb.randomHex(4) + "@example.test";
        UUID carol = TestUsers.user(db, email);
        Invites past = new Invites(repository, memberships, db.jdbc, db.tx,
                Clock.fixed(Instant.now().minus(Invites.VALIDITY).minusSeconds(60), ZoneOffset.UTC));
        Invites.IssuedInvite expired = past.create(tenant, email, Role.VIEWER, "a");
        Invites.IssuedInvite revoked = invites.create(tenant, email, Role.VIEWER, "a");
        repository.revoke(tenant, revoked.invite().id());

        assertThat(invites.accept(expired.token(), carol).outcome()).isEqualTo(Invites.Outcome.EXPIRED);
        assertThat(invites.accept(revoked.token(), carol).outcome()).isEqualTo(Invites.Outcome.REVOKED);
        assertThat(invites.accept("inv_nothing", carol).outcome()).isEqualTo(Invites.Outcome.NOT_FOUND);
        assertThat(memberships.find(tenant, carol)).isEmpty();
    }

    @Test
    void aMemberAcceptingAgainChangesNothingAndLeavesTheInvitePending() {
        String email = "d-" + TestDb.randomHex(4) + "@example.test";
        UUID dave = TestUsers.user(db, email);
        memberships.add(tenant, dave, Role.VIEWER);
        Invites.IssuedInvite issued = invites.create(tenant, email, Role.ADMIN, "a");

        assertThat(invites.accept(issued.token(), dave).outcome()).isEqualTo(Invites.Outcome.ALREADY_MEMBER);
        assertThat(memberships.find(tenant, dave).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(repository.find(tenant, issued.invite().id()).orElseThrow().status(Instant.now()))
                .isEqualTo(InviteRow.Status.PENDING);
    }
}
