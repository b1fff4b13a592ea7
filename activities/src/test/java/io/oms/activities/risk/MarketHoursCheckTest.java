package io.oms.activities.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.ledger.LedgerTestDb;
import io.oms.infra.config.RiskProperties;
import io.oms.infra.config.RiskProperties.Enforcement;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.risk.RiskLimitRepository;
import io.oms.infra.risk.RiskOverrideRepository;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The market-hours check through {@link RiskChecks} against PostgreSQL, on fixed clocks (the end-to-end system
 * trades the simulator around the clock): the session's edges, and the deployment switch.
 */
class MarketHoursCheckTest {
    private static final RiskProperties ENFORCED = new RiskProperties(Enforcement.ENFORCE, Enforcement.ENFORCE);
    private final LedgerTestDb db = LedgerTestDb.get();
    private final String tenant = db.newTenant();

    private List<DenialReason> reasons(String at, OrderType type, boolean outsideRth, RiskProperties properties) {
        RiskSnapshots snapshots = new RiskSnapshots(db.jdbc, new RiskLimitRepository(db.jdbc), new PnlRepository(db.jdbc),
                db.tx, Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
        OrderIntent intent = new OrderIntent(tenant, "c-1", "DU1", "AAPL", Side.BUY, type, TimeInForce.DAY,
                BigDecimal.ONE, type == OrderType.LMT ? new BigDecimal("100") : null, null, outsideRth, null, "tester");
        OverrideWaivers none = new OverrideWaivers(new RiskOverrideRepository(db.jdbc), new AuditRepository(db.jdbc), db.tx);
        return new RiskChecks(snapshots, none, properties).check(new RiskCheckRequest(intent, RiskCheckKind.NEW_ORDER))
                .denials().stream().map(RiskDenial::reason).toList();
    }

    @Test
    void aMarketOrderInTheRegularSessionPasses() {
        assertThat(reasons("2026-12-01T15:00:00Z", OrderType.MKT, false, ENFORCED)).isEmpty(); // Tue 10:00 New York
    }

    @Test
    void aMarketOrderOnASaturdayIsDeniedMarketClosed() {
        assertThat(reasons("2026-12-05T15:00:00Z", OrderType.MKT, false, ENFORCED)).containsExactly(DenialReason.MARKET_CLOSED);
    }

    @Test
    void aHolidayIsClosedAllDay() {
        // Thanksgiving, 11:00 New York
        assertThat(reasons("2026-11-26T16:00:00Z", OrderType.MKT, false, ENFORCED)).containsExactly(DenialReason.MARKET_CLOSED);
        assertThat(reasons("2026-11-26T16:00:00Z", OrderType.LMT, true, ENFORCED)).containsExactly(DenialReason.MARKET_CLOSED);
    }

    @Test
    void afterAnEarlyCloseOnlyALimitOrderOutsideRegularHoursPasses() {
        String halfPastOne = "2026-11-27T18:30:00Z"; // the day after Thanksgiving closes at 13:00 New York
        assertThat(reasons(halfPastOne, OrderType.MKT, false, ENFORCED)).containsExactly(DenialReason.MARKET_CLOSED);
        assertThat(reasons(halfPastOne, OrderType.LMT, false, ENFORCED)).containsExactly(DenialReason.MARKET_CLOSED);
        assertThat(reasons(halfPastOne, OrderType.LMT, true, ENFORCED)).isEmpty();
        // the extended session ends four hours after the early close (17:00)
        assertThat(reasons("2026-11-27T22:30:00Z", OrderType.LMT, true, ENFORCED)).containsExactly(DenialReason.MARKET_CLOSED);
    }

    @Test
    void switchedOffTheCheckDeniesNothing() {
        RiskProperties off = new RiskProperties(Enforcement.OFF, Enforcement.ENFORCE);
        assertThat(reasons("2026-12-05T15:00:00Z", OrderType.MKT, false, off)).isEmpty();
    }
}
