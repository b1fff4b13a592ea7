package io.oms.infra.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** REST API settings. {@code idempotencyRetention}: how long an Idempotency-Key and its answer are kept. */
@Validated
@ConfigurationProperties("oms.api")
public record ApiProperties(@NotNull Duration idempotencyRetention) {
    public ApiProperties {
        if (idempotencyRetention != null
                && (idempotencyRetention.isNegative() || idempotencyRetention.isZero()
                        || idempotencyRetention.compareTo(Duration.ofDays(30)) > 0)) {
            throw new IllegalArgumentException("oms.api.idempotency-retention must be between 1 s and 30 days, not "
                    + idempotencyRetention);
        }
    }
}
