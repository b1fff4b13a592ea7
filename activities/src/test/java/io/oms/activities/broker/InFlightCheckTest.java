package io.oms.activities.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.ib.client.IbConnectionConfig;
import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.OrderIdStore;
import io.oms.ib.sim.FaultRule;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.InstrumentRow;
import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.activities.PlaceResult;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The placement's in-flight check against the simulator: a placement IB never saw fails as BROKER_NO_ACK after the
 * lookups, and one acknowledged late is found by the lookups; neither is ever sent twice.
 */
@Timeout(60)
class InFlightCheckTest {
    private static final InFlightPolicy FAST = new InFlightPolicy(Duration.ofMillis(400), 3, Duration.ofMillis(100));

    private GatewaySimulator sim;
    private IbConnector connector;
    private TestActivityEnvironment env;
    private BrokerActivities broker;

    @BeforeEach
    void start() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO)
                .withSliceDelay(Duration.ZERO));
        sim.start();
        connector = new IbConnector(IbConnectionConfig.of("inflight", "127.0.0.1", sim.port(), 3), OrderIdStore.inMemory(),
                new IbEventListener() {});
        connector.start();
        assertThat(connector.awaitReady(Duration.ofSeconds(10))).isTrue();
        env = TestActivityEnvironment.newInstance();
        env.registerActivitiesImplementations(new BrokerActivitiesImpl(connector, 3, noInstruments(), FAST));
        broker = env.newActivityStub(BrokerActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30)).build());
    }

    @AfterEach
    void stop() {
        if (env != null) env.close();
        if (connector != null) connector.close();
        if (sim != null) sim.close();
    }

    @Test
    void aPlacementIbNeverSawFailsAsNoAckWithoutBeingSentAgain() {
        sim.faults().swallowPlacements(FaultRule.nextN(1));
        PlaceOrderCommand order = marketBuy();

        assertThatThrownBy(() -> broker.placeOrder(order))
                .isInstanceOf(ActivityFailure.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
                    assertThat(f.getType()).isEqualTo("BROKER_NO_ACK");
                    assertThat(f.isNonRetryable()).isTrue();
                    assertThat(f.getOriginalMessage()).contains(order.orderRef());
                });
        assertThat(sim.placementsReceived(order.orderRef())).isEqualTo(1);
        assertThat(sim.placementsSwallowed(order.orderRef())).isEqualTo(1);
        assertThat(sim.orders()).isEmpty();
    }

    @Test
    void aLateAcknowledgementIsFoundAtIbByOrderRefAndTheOrderIsSentOnce() {
        sim.faults().delayAcknowledgements(FaultRule.nextN(1), Duration.ofSeconds(20));
        PlaceOrderCommand order = marketBuy();

        PlaceResult result = broker.placeOrder(order);

        assertThat(result.wasRejected()).isFalse();
        assertThat(result.brokerOrderId()).isPositive();
        assertThat(result.permId()).isNotZero();
        assertThat(sim.placementsReceived(order.orderRef())).isEqualTo(1);
        assertThat(sim.orders()).singleElement().satisfies(o -> {
            assertThat(o.orderRef()).isEqualTo(order.orderRef());
            assertThat(o.orderId()).isEqualTo(result.brokerOrderId());
        });
    }

    @Test
    void aSecondPlacementOfTheSameOrderAnswersFromWhatIbSaidWithoutSendingIt() {
        PlaceOrderCommand order = marketBuy();
        PlaceResult first = broker.placeOrder(order);
        PlaceResult again = broker.placeOrder(order);

        assertThat(again.brokerOrderId()).isEqualTo(first.brokerOrderId());
        assertThat(sim.placementsReceived(order.orderRef())).isEqualTo(1);
    }

    private static PlaceOrderCommand marketBuy() {
        return new PlaceOrderCommand("order/t1/" + UUID.randomUUID(), "DU1234567", "AAPL", Side.BUY, OrderType.MKT,
                BigDecimal.TEN, null, null, null, null, TimeInForce.DAY, null, false);
    }

    private static InstrumentRepository noInstruments() {
        return new InstrumentRepository(null) {
            @Override
            public Optional<InstrumentRow> findBySymbol(String symbol) {
                return Optional.empty();
            }
        };
    }
}
