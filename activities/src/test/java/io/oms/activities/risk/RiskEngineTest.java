package io.oms.activities.risk;

import static io.oms.activities.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RiskEngineTest {
    private final RiskEngine engine = RiskEngine.standard();

    @Test
    void anOrderWithinEveryLimitPasses() {
        RiskSnapshot snapshot = snapshot().limit(limit(LimitType.MAX_ORDER_QTY, "100"))
                .limit(limit(LimitType.MAX_NOTIONAL, "100000")).limit(limit(LimitType.PRICE_COLLAR_PCT, "10"))
                .limit(limit(LimitType.POSITION_LIMIT, "1000")).limit(limit(LimitType.OPEN_ORDERS, "10"))
                .limit(limit(LimitType.ORDER_RATE, "10")).limit(limit(LimitType.DAILY_LOSS, "1000")).build();
        RiskVerdict verdict = engine.evaluate(limitOrder(Side.BUY, "100", "101"), snapshot);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.denials()).isEmpty();
    }

    @Test
    void reportsEveryDenialInTheFixedRuleOrder() {
        RiskSnapshot snapshot = snapshot().restricted("watch list").lastPrice("100")
                .limit(limit(LimitType.MAX_NOTIONAL, "1000")).limit(limit(LimitType.MAX_ORDER_QTY, "5"))
                .working(working("s1", Side.SELL, "1", "100")).build();
        RiskVerdict verdict = engine.evaluate(limitOrder(Side.BUY, "20", "100"), snapshot);
        assertThat(verdict.denials()).extracting(RiskDenial::reason).containsExactly(DenialReason.RESTRICTED_SYMBOL,
                DenialReason.MAX_ORDER_QTY, DenialReason.MAX_NOTIONAL, DenialReason.WASH_TRADE);
        assertThat(verdict.errorCode()).isEqualTo(ErrorCode.COMPLIANCE_BLOCKED);
        assertThat(engine.evaluate(limitOrder(Side.BUY, "20", "100"), snapshot)).isEqualTo(verdict);
    }

    @Test
    void onlyRiskDenialsAnswerRiskLimitBreach() {
        RiskVerdict verdict = engine.evaluate(limitOrder(Side.BUY, "20", "100"),
                snapshot().limit(limit(LimitType.MAX_ORDER_QTY, "5")).build());
        assertThat(verdict.errorCode()).isEqualTo(ErrorCode.RISK_LIMIT_BREACH);
    }

    @Test
    void appliesOnlyTheLimitsWhoseScopeNamesTheOrder() {
        RiskSnapshot snapshot = snapshot()
                .limit(limit(LimitScope.ACCOUNT, "OTHER", LimitType.MAX_ORDER_QTY, "1", null))
                .limit(limit(LimitScope.INSTRUMENT, "MSFT", LimitType.MAX_ORDER_QTY, "1", null))
                .limit(limit(LimitScope.STRATEGY, "s1", LimitType.MAX_ORDER_QTY, "2", null))
                .limit(limit(LimitScope.USER, "u1", LimitType.MAX_ORDER_QTY, "3", null))
                .limit(limit(LimitScope.INSTRUMENT, SYMBOL, LimitType.MAX_ORDER_QTY, "50", null)).build();
        assertThat(engine.evaluate(limitOrder(Side.BUY, "50", "100"), snapshot).passed()).isTrue();
        OrderIntent byStrategyAndUser = new OrderIntent(TENANT, "new-1", ACCOUNT, SYMBOL, Side.BUY, OrderType.LMT,
                TimeInForce.DAY, new BigDecimal("10"), new BigDecimal("100"), null, false, "s1", "u1");
        RiskDenial denial = engine.evaluate(byStrategyAndUser, snapshot).denials().getFirst();
        assertThat(denial.limit()).as("the tightest applicable limit").isEqualByComparingTo("2");
    }

    @Test
    void theOrderItselfAlreadyStoredAsNewDoesNotCountAgainstItself() {
        SnapshotOrder self = new SnapshotOrder("new-1", SYMBOL, "BUY", "LMT", new BigDecimal("10"), new BigDecimal("10"),
                new BigDecimal("100"), "NEW", MIDDAY);
        RiskSnapshot snapshot = snapshot().working(self).recent(self).limit(limit(LimitType.OPEN_ORDERS, "1"))
                .limit(limit(LimitType.POSITION_LIMIT, "10")).limit(limit(LimitType.ORDER_RATE, "1")).build();
        assertThat(engine.evaluate(limitOrder(Side.BUY, "10", "100"), snapshot).denials()).isEmpty();
    }

    @Test
    void anAssetClassLimitAppliesOnlyToOrdersInInstrumentsOfThatSecurityType() {
        RiskSnapshot stock = snapshot().secType("STK")
                .limit(limit(LimitScope.ASSET_CLASS, "OPT", LimitType.MAX_ORDER_QTY, "5", null))
                .limit(limit(LimitScope.ASSET_CLASS, "STK", LimitType.MAX_ORDER_QTY, "50", null)).build();
        RiskDenial denial = engine.evaluate(limitOrder(Side.BUY, "60", "100"), stock).denials().getFirst();
        assertThat(denial.limit()).as("only the STK limit applies to a stock").isEqualByComparingTo("50");
        assertThat(engine.evaluate(limitOrder(Side.BUY, "50", "100"), stock).passed()).isTrue();
        RiskSnapshot unknown = snapshot().secType(null)
                .limit(limit(LimitScope.ASSET_CLASS, "STK", LimitType.MAX_ORDER_QTY, "5", null)).build();
        assertThat(engine.evaluate(limitOrder(Side.BUY, "60", "100"), unknown).passed())
                .as("an instrument of unknown type is in no asset class").isTrue();
    }

    @Test
    void theNewRulesDenyInTheirPlaceInTheRuleOrder() {
        RiskSnapshot snapshot = snapshot().accountRestricted("frozen").restricted("watch list")
                .limit(limit(LimitType.POSITION_LIMIT, "10")).limit(limit(LimitType.MAX_LEVERAGE, "1"))
                .limit(limit(LimitType.MAX_CONCENTRATION_PCT, "10")).limit(limit(LimitType.OPEN_ORDERS, "1"))
                .working(working("w1", Side.BUY, "1", "100")).build();
        assertThat(engine.evaluate(limitOrder(Side.BUY, "20", "100"), snapshot).denials()).extracting(RiskDenial::reason)
                .containsExactly(DenialReason.RESTRICTED_ACCOUNT, DenialReason.RESTRICTED_SYMBOL,
                        DenialReason.POSITION_LIMIT, DenialReason.LEVERAGE, DenialReason.CONCENTRATION,
                        DenialReason.OPEN_ORDERS_LIMIT);
        assertThat(RiskEngine.forModify().evaluate(limitOrder(Side.BUY, "20", "100"), snapshot).denials())
                .extracting(RiskDenial::reason).contains(DenialReason.RESTRICTED_ACCOUNT, DenialReason.LEVERAGE);
        assertThat(RiskEngine.forInFlight().evaluate(limitOrder(Side.BUY, "20", "100"), snapshot).denials())
                .extracting(RiskDenial::reason).contains(DenialReason.RESTRICTED_ACCOUNT, DenialReason.CONCENTRATION);
    }
}
