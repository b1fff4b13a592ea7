package io.oms.infra.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the audit and outbox relay settings (kept apart from {@link OmsConfiguration} to keep merges small). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuditProperties.class, OutboxRelayProperties.class, AuditChainerProperties.class})
public class AuditConfiguration {}
