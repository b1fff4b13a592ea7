package io.oms.infra.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Temporal is. With {@code embedded} the process starts the Java test server on
 * {@code embeddedPort} and talks to it over gRPC like to any cluster; otherwise it connects to
 * {@code target} (a cluster or Temporal Cloud, with TLS and an API key when set). {@code stickyExecution}
 * ({@code auto}, {@code on}, {@code off}) is explained in {@link io.oms.infra.temporal.StickyExecution}.
 */
@Validated
@ConfigurationProperties("oms.temporal")
public record TemporalProperties(
        boolean embedded,
        @Min(1) @Max(65535) int embeddedPort,
        @NotBlank String target,
        @NotBlank String namespace,
        boolean tls,
        String apiKey,
        @Pattern(regexp = "auto|on|off") String stickyExecution) {

    public String effectiveTarget() {
        return embedded ? "127.0.0.1:" + embeddedPort : target;
    }

    /** Never print the API key. */
    @Override
    public String toString() {
        return "TemporalProperties[embedded=" + embedded + ", target=" + effectiveTarget() + ", namespace="
                + namespace + ", tls=" + tls + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "***") + "]";
    }
}
