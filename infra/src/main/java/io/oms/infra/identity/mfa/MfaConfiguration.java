package io.oms.infra.identity.mfa;

import io.oms.infra.crypto.SecretSealer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The TOTP second factor and its enrolment, on the system clock (tests build them on their own clock). */
@Configuration(proxyBeanMethods = false)
public class MfaConfiguration {
    private final Clock clock = Clock.systemUTC();

    @Bean
    TotpCodes totpCodes() {
        return new TotpCodes(clock);
    }

    @Bean
    RecoveryCodes recoveryCodes() {
        return new RecoveryCodes();
    }

    @Bean
    TotpSecondFactor totpSecondFactor(MfaRepository repository, SecretSealer sealer, TotpCodes totp,
                                      RecoveryCodes recoveryCodes) {
        return new TotpSecondFactor(repository, sealer, totp, recoveryCodes, clock);
    }

    @Bean
    TotpEnrolment totpEnrolment(TransactionTemplate tx, MfaRepository repository, SecretSealer sealer, TotpCodes totp,
                                RecoveryCodes recoveryCodes, TotpSecondFactor secondFactor) {
        return new TotpEnrolment(tx, repository, sealer, totp, recoveryCodes, secondFactor);
    }
}
