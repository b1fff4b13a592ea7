package io.oms.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Assembles the API and worker modules; which beans exist depends on the roles {@link OmsMain} chose.
 * Spring Boot's default in-memory user (with a generated password printed to the log) is excluded: the API
 * authenticates bearer credentials only, and no secret is ever logged.
 */
@SpringBootApplication(scanBasePackages = "io.oms",
        excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
public class OmsApplication {}
