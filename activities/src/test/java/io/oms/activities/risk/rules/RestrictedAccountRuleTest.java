package io.oms.activities.risk.rules;

import static io.oms.activities.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.Side;
import io.oms.workflows.risk.DenialKind;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictedAccountRuleTest {
    private final RestrictedAccountRule rule = new RestrictedAccountRule();

    @Test
    void passesAnAccountThatIsNotRestricted() {
        assertThat(rule.check(limitOrder(Side.BUY, "1", "100"), snapshot().build(), List.of())).isEmpty();
    }

    @Test
    void deniesEveryOrderOfARestrictedAccountAsComplianceWithTheReason() {
        RiskDenial denial = rule.check(limitOrder(Side.SELL, "1", "100"),
                snapshot().accountRestricted("under investigation").build(), List.of()).orElseThrow();
        assertThat(denial.reason()).isEqualTo(DenialReason.RESTRICTED_ACCOUNT);
        assertThat(denial.kind()).isEqualTo(DenialKind.COMPLIANCE);
        assertThat(denial.message()).contains(ACCOUNT, "under investigation");
        assertThat(denial.limit()).isNull();
    }

    @Test
    void aRestrictionWithoutAReasonStillDenies() {
        assertThat(rule.check(marketOrder(Side.BUY, "1"), snapshot().accountRestricted("").build(), List.of()))
                .hasValueSatisfying(d -> assertThat(d.message()).endsWith("restricted from trading"));
    }
}
