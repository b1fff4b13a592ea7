package io.oms.infra.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the API protection settings (apart from {@link OmsConfiguration} to keep merges small). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitProperties.class, RequestLimitProperties.class})
public class ProtectionConfiguration {}
