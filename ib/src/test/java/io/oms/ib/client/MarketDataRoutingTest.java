package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.MarketDataEvent.Kind;
import io.oms.ib.msg.MarketDataType;
import io.oms.ib.msg.ReqMktData;
import io.oms.ib.msg.TickGeneric;
import io.oms.ib.msg.TickPrice;
import io.oms.ib.msg.TickSize;
import io.oms.ib.msg.TickString;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ticks decoded from the wire reach the listener as typed MarketDataEvents, with prices and sizes as the
 * exact decimals IB sent (a double could not carry them), and marketDataType ahead of the ticks it labels.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MarketDataRoutingTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @BeforeEach
    void connect() throws Exception {
        gateway = new FakeGateway(true);
        connector = new IbConnector(IbConnectionConfig.of("ticks", "127.0.0.1", gateway.port(), 7), OrderIdStore.inMemory(), events);
        connector.start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
        connector.requestMarketData(new ReqMktData(5, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", null, false, false))
                .get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        gateway.close();
    }

    @Test
    void everyKindOfTickReachesTheListenerTypedWithExactDecimals() throws Exception {
        BigDecimal bid = new BigDecimal("12345678901234.123456"); // more digits than a double holds
        gateway.send(new MarketDataType(5, 3));
        gateway.send(new TickPrice(5, 1, bid, new BigDecimal("300"), 1));
        gateway.send(new TickPrice(5, 2, new BigDecimal("190.01"), new BigDecimal("0.5"), 4));
        gateway.send(new TickSize(5, 8, new BigDecimal("123456789012345678")));
        gateway.send(new TickString(5, 45, "1772463600"));
        gateway.send(new TickGeneric(5, 49, new BigDecimal("1")));
        Await.until(WAIT, "five ticks", () -> events.ticks.size() == 5);

        assertThat(events.marketDataTypes).containsExactly("5/3");
        assertThat(events.journal.indexOf("mdtype:5")).isLessThan(events.journal.indexOf("tick:5:1"));
        assertThat(events.ticks).extracting(MarketDataEvent::kind)
                .containsExactly(Kind.PRICE, Kind.PRICE, Kind.SIZE, Kind.STRING, Kind.GENERIC);
        assertThat(events.ticks).allSatisfy(t -> assertThat(t.tickerId()).isEqualTo(5));

        MarketDataEvent bidTick = events.ticks.get(0);
        assertThat(bidTick.tickType()).isEqualTo(1);
        assertThat(bidTick.price()).isEqualTo(bid).hasScaleOf(6);
        assertThat(bidTick.size()).isEqualTo(new BigDecimal("300"));
        assertThat(bidTick.canAutoExecute()).isTrue();
        assertThat(bidTick.preOpen()).isFalse();
        MarketDataEvent askTick = events.ticks.get(1);
        assertThat(askTick.price()).isEqualTo(new BigDecimal("190.01"));
        assertThat(askTick.size()).as("fractional sizes survive").isEqualTo(new BigDecimal("0.5"));
        assertThat(askTick.preOpen()).isTrue();
        assertThat(events.ticks.get(2).size()).isEqualTo(new BigDecimal("123456789012345678"));
        assertThat(events.ticks.get(2).price()).isNull();
        assertThat(events.ticks.get(3).text()).isEqualTo("1772463600");
        assertThat(events.ticks.get(3).tickType()).isEqualTo(45);
        assertThat(events.ticks.get(4).number()).isEqualTo(new BigDecimal("1"));
    }
}
