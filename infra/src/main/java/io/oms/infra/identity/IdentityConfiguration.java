package io.oms.infra.identity;

import io.oms.infra.crypto.SecretSealer;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Users, login and tokens: the services of {@code io.oms.infra.identity}, on the system clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    Passwords passwords() {
        return new Passwords();
    }

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc, TransactionTemplate tx, SecretSealer sealer, IdentityProperties p) {
        return new SigningKeys(jdbc, tx, sealer, CLOCK, p);
    }

    @Bean
    SessionRevocations sessionRevocations(JdbcClient jdbc, IdentityProperties p) {
        return new SessionRevocations(jdbc, p.revocationCache());
    }

    @Bean
    AccessTokens accessTokens(SigningKeys keys, SessionRevocations revocations, IdentityProperties p) {
        return new AccessTokens(keys, revocations, CLOCK, p);
    }

    @Bean
    Sessions sessions(JdbcClient jdbc, TransactionTemplate tx, SessionRevocations revocations, IdentityProperties p) {
        return new Sessions(jdbc, tx, revocations, CLOCK, p.refreshTokenTtl());
    }

    @Bean
    @ConditionalOnMissingBean(Notifier.class)
    LoggingNotifier notifier() {
        return new LoggingNotifier();
    }

    @Bean
    UnlockTokens unlockTokens(JdbcClient jdbc, TransactionTemplate tx, UserRepository users, Notifier notifier,
                              IdentityProperties p) {
        return new UnlockTokens(jdbc, tx, users, notifier, CLOCK, p.unlockTokenTtl());
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(UserRepository users, MembershipRepository memberships, Passwords passwords) {
        return new BootstrapAdmin(users, memberships, passwords);
    }
}
