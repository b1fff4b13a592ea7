package io.oms.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ProtectionPropertiesTest {

    @Test
    void acceptsTheDefaults() {
        assertThat(new RateLimitProperties(true, 1000, 500, 20, 20).capacity()).isEqualTo(1000);
        assertThat(new RequestLimitProperties(DataSize.ofKilobytes(256), Duration.ofSeconds(5)).maxBodySize().toBytes())
                .isEqualTo(262_144);
    }

    @Test
    void refusesBucketsOutsideTheirRangeNamingTheSetting() {
        assertThatThrownBy(() -> new RateLimitProperties(true, 0, 500, 20, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oms.api.rate-limit.capacity");
        assertThatThrownBy(() -> new RateLimitProperties(true, 1000, 0, 20, 20))
                .hasMessageContaining("oms.api.rate-limit.refill-per-second");
        assertThatThrownBy(() -> new RateLimitProperties(true, 1000, 500, 1_000_001, 20))
                .hasMessageContaining("oms.api.rate-limit.anonymous-capacity");
        assertThatThrownBy(() -> new RateLimitProperties(true, 1000, 500, 20, -1))
                .hasMessageContaining("oms.api.rate-limit.anonymous-refill-per-minute");
    }

    @Test
    void refusesBodyLimitsAndCacheTtlsOutsideTheirRange() {
        assertThatThrownBy(() -> new RequestLimitProperties(DataSize.ofBytes(100), Duration.ofSeconds(5)))
                .hasMessageContaining("oms.api.limits.max-body-size");
        assertThatThrownBy(() -> new RequestLimitProperties(DataSize.ofMegabytes(65), Duration.ofSeconds(5)))
                .hasMessageContaining("oms.api.limits.max-body-size");
        assertThatThrownBy(() -> new RequestLimitProperties(DataSize.ofKilobytes(256), Duration.ofMinutes(6)))
                .hasMessageContaining("oms.api.limits.tenant-settings-cache-ttl");
        assertThatThrownBy(() -> new RequestLimitProperties(DataSize.ofKilobytes(256), Duration.ofSeconds(-1)))
                .hasMessageContaining("tenant-settings-cache-ttl");
    }
}
