package io.oms.infra.identity;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.security.ApiKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to a tenant: a one-time token ({@code inv_} and 43 base64url characters, 256 random bits) that is
 * answered once at creation and stored only as its SHA-256; it expires after {@link #VALIDITY}. Accepting it
 * needs a signed-in user whose email is the invited one, and creates the membership in the same transaction that
 * uses the invite up.
 */
@Service
public class Invites {
    public static final Duration VALIDITY = Duration.ofDays(7);

    public enum Outcome { ACCEPTED, NOT_FOUND, EXPIRED, REVOKED, ALREADY_ACCEPTED, WRONG_USER, ALREADY_MEMBER }

    /** A new invite and its token, which exists nowhere else. */
    public record IssuedInvite(InviteRow invite, String token) {
        @Override
        public String toString() {
            return "IssuedInvite[" + invite.id() + "]";
        }
    }

    public record Acceptance(Outcome outcome, InviteRow invite) {}

    private final InviteRepository invites;
    private final MembershipRepository memberships;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public Invites(InviteRepository invites, MembershipRepository memberships, JdbcClient jdbc, TransactionTemplate tx) {
        this(invites, memberships, jdbc, tx, Clock.systemUTC());
    }

    public Invites(InviteRepository invites, MembershipRepository memberships, JdbcClient jdbc, TransactionTemplate tx,
                   Clock clock) {
        this.invites = invites;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public IssuedInvite create(String tenantId, String email, Role role, String createdBy) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = "inv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        InviteRow row = new InviteRow(UuidV7.next(), tenantId, normalise(email), role, ApiKeys.hash(token), createdBy,
                now, now.plus(VALIDITY), null, null, null);
        invites.insert(row);
        return new IssuedInvite(row, token);
    }

    /** Uses the invite of this token up for the user, making them a member with the invited role. */
    public Acceptance accept(String token, UUID userId) {
        Optional<InviteRow> found = token == null ? Optional.empty() : invites.findByTokenHash(ApiKeys.hash(token));
        if (found.isEmpty() || !tenantActive(found.get().tenantId())) {
            return new Acceptance(Outcome.NOT_FOUND, null);
        }
        InviteRow invite = found.get();
        Outcome refusal = switch (invite.status(clock.instant())) {
            case ACCEPTED -> Outcome.ALREADY_ACCEPTED;
            case REVOKED -> Outcome.REVOKED;
            case EXPIRED -> Outcome.EXPIRED;
            case PENDING -> null;
        };
        if (refusal != null) {
            return new Acceptance(refusal, invite);
        }
        if (!invite.email().equals(activeUserEmail(userId).orElse(null))) {
            return new Acceptance(Outcome.WRONG_USER, invite);
        }
        Outcome outcome = tx.execute(status -> {
            if (!invites.markAccepted(invite.id(), userId)) {
                return Outcome.ALREADY_ACCEPTED; // accepted, revoked or expired since it was read
            }
            if (!memberships.add(invite.tenantId(), userId, invite.role())) {
                status.setRollbackOnly(); // nothing changes: the invite stays pending
                return Outcome.ALREADY_MEMBER;
            }
            return Outcome.ACCEPTED;
        });
        return new Acceptance(outcome, invite);
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private boolean tenantActive(String tenantId) {
        return jdbc.sql("SELECT count(*) FROM tenants WHERE id = :id AND deactivated_at IS NULL").param("id", tenantId)
                .query(Long.class).single() > 0;
    }

    private Optional<String> activeUserEmail(UUID userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = :id AND disabled_at IS NULL").param("id", userId)
                .query(String.class).optional();
    }
}
