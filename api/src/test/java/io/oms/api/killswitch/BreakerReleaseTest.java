package io.oms.api.killswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.oms.api.error.ApiException;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RTS 6 Art. 15(3): a switch a circuit breaker engaged is released by a signed-in person, never by an API key. */
class BreakerReleaseTest {
    private static final ApiPrincipal KEY = new ApiPrincipal("acme", UUID.randomUUID(), List.of("*"));
    private static final ApiPrincipal USERS_KEY = new ApiPrincipal("acme", UUID.randomUUID(), UUID.randomUUID(), null,
            List.of("risk:manage"));
    private static final ApiPrincipal USER = ApiPrincipal.ofUser("acme", UUID.randomUUID(), UUID.randomUUID(),
            List.of("risk:manage"));

    private static KillSwitchRow row(String state, String reasonCode) {
        return new KillSwitchRow("acme", "TENANT", "acme", state, reasonCode, null, "circuit-breaker", Instant.EPOCH, 1);
    }

    @Test
    void anApiKeyMayNotReleaseASwitchABreakerEngagedNotEvenAUsersOwnKey() {
        for (ApiPrincipal key : List.of(KEY, USERS_KEY)) {
            ApiException refused = catchThrowableOfType(ApiException.class, () ->
                    KillSwitchService.requirePersonForBreakerRelease(key, row("HALTED", "CIRCUIT_BREAKER_REJECT_STORM")));
            assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(refused.getMessage()).contains("circuit breaker").contains("API key");
        }
    }

    @Test
    void aSignedInPersonMay() {
        assertThatCode(() -> KillSwitchService.requirePersonForBreakerRelease(USER, row("HALTED", "CIRCUIT_BREAKER_LOSS")))
                .doesNotThrowAnyException();
    }

    @Test
    void aKeyStillReleasesSwitchesPeopleEngagedAndSwitchesAlreadyReleased() {
        assertThatCode(() -> KillSwitchService.requirePersonForBreakerRelease(KEY, row("HALTED", "LOSS_LIMIT")))
                .doesNotThrowAnyException();
        assertThatCode(() -> KillSwitchService.requirePersonForBreakerRelease(KEY, row("ACTIVE", null)))
                .doesNotThrowAnyException();
    }
}
