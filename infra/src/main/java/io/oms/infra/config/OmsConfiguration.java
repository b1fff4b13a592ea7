package io.oms.infra.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TemporalProperties.class, BrokerProperties.class, RoleProperties.class,
        ApiProperties.class, RiskProperties.class, CircuitBreakerProperties.class,
        ReconciliationProperties.class, WebhookProperties.class})
public class OmsConfiguration {}
