package io.oms.api.security;

import io.oms.api.protection.IpAllowlistFilter;
import io.oms.api.protection.ProtectionFilters;
import io.oms.infra.identity.AccessTokenVerifier;
import io.oms.infra.security.ApiKeys;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Spring Security for the API: stateless bearer credentials (API keys and access tokens), no sessions, no
 * cookies (so no CSRF), the access rules of {@link ApiAccessRules}, and 401/403 answered with the error
 * envelope. Tenants' IP allowlists and the rate limits run right after the credential is read.
 */
@Configuration
public class SecurityConfiguration {

    /**
     * No tracing spans around each of Spring Security's filters: about a dozen per request, a tenth of the CPU of
     * an order's POST, and no tracer here to receive them. HTTP server metrics (http.server.requests) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    BearerAuthentication bearerAuthentication(ApiKeys apiKeys, Optional<AccessTokenVerifier> accessTokens) {
        return new BearerAuthentication(apiKeys, accessTokens);
    }

    /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerAuthentication> bearerAuthenticationRegistration(BearerAuthentication filter) {
        FilterRegistrationBean<BearerAuthentication> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, BearerAuthentication bearer, SecurityErrors errors,
                                    ProtectionFilters protection) throws Exception {
        return http
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                // Once the credential is known: its tenant's IP allowlist, then its (or its address's) rate limit.
                .addFilterAfter(protection.allowlist(), BearerAuthentication.class)
                .addFilterAfter(protection.rateLimit(), IpAllowlistFilter.class)
                .authorizeHttpRequests(ApiAccessRules::apply)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }
}
