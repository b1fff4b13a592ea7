package io.oms.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which roles this process plays: {@code api} serves REST, {@code worker} runs the Temporal workers and
 * holds the IB session, {@code dev} adds the embedded simulator and seeds a demo tenant.
 */
@ConfigurationProperties("oms.roles")
public record RoleProperties(boolean api, boolean worker, boolean dev) {}
