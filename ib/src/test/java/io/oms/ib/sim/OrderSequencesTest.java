package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CancelOrder;
import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.OpenOrder;
import io.oms.ib.msg.PlaceOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IB's message sequences for new orders, fills, cancels, rejects, id reuse and modifies. */
class OrderSequencesTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    void cancel(RecordingSession s, int id) { h.send(s, new CancelOrder(id, null)); }

    ErrorMessage error(int code) { return c.of(ErrorMessage.class).stream().filter(e -> e.code() == code).findFirst().orElseThrow(); }

    @Test
    void newOrderGoesPreSubmittedSubmittedThenExecStatusOpenOrderCommission() {
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.transcript(1)).containsExactly("open:1:PreSubmitted", "status:1:PreSubmitted:0", "open:1:Submitted",
                "status:1:Submitted:0", "exec:1:10@190.01", "status:1:Filled:10", "open:1:Filled", "comm:1.00");
    }

    @Test
    void partialFillsKeepSubmittedWithCumulativeFilled() {
        h.setQuote("AAPL", "189.99", "190.01", null, "1000");
        h.place(c, order(1, "AAPL").buy(d("150")).market().build());
        assertThat(c.transcript(1)).containsSubsequence("exec:1:100@190.01", "status:1:Submitted:100", "comm:1.00",
                "exec:1:50@190.01", "status:1:Filled:150", "open:1:Filled", "comm:1.00");
    }

    @Test
    void cancelGoesPendingCancelThenCancelledWith202() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        c.clear();
        cancel(c, 1);
        assertThat(c.transcript(1)).containsExactly("status:1:PendingCancel:0", "status:1:Cancelled:0", "error:1:202");
    }

    @Test
    void cancelOfAnUnknownIdIs10147AndOfAFinishedOrder10148() {
        cancel(c, 99);
        assertThat(error(10147).id()).isEqualTo(99);
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        cancel(c, 1);
        assertThat(error(10148).message()).endsWith("state: Filled.");
        h.place(c, order(2, "AAPL").buy(d("10")).limit(d("150")).build());
        cancel(c, 2);
        c.clear();
        cancel(c, 2);
        assertThat(c.transcript(2)).containsExactly("error:2:10148");
        RecordingSession other = h.connect(8);
        h.place(c, order(3, "AAPL").buy(d("10")).limit(d("150")).build());
        cancel(other, 3); // orders are bound to their client: another client cannot see it
        assertThat(other.errorCodes()).containsExactly(10147);
    }

    @Test
    void rejectsAre201ThenOpenOrderAndStatusInactive() {
        h.place(c, new PlaceOrder(1, 0, "AAPL", "STK", "SMART", null, "USD", "BUY", d("10"), "LMT", d("-1"), null,
                "DAY", null, "bad-price", true, false, null, null, null));
        h.place(c, order(2, "AAPL").buy(d("10")).market().account("DU9999999").build());
        h.place(c, new PlaceOrder(3, 0, "AAPL", "STK", "SMART", null, "USD", "BUY", d("0"), "MKT", null, null,
                "DAY", null, "zero-qty", true, false, null, null, null));
        h.place(c, order(4, "REJECT").buy(d("1")).market().build());
        for (int id = 1; id <= 4; id++) {
            assertThat(c.transcript(id)).containsExactly("error:" + id + ":201", "open:" + id + ":Inactive",
                    "status:" + id + ":Inactive:0");
        }
        assertThat(c.of(ErrorMessage.class)).allSatisfy(e -> assertThat(e.message()).startsWith("Order rejected - reason:"));
    }

    @Test
    void idsAtOrBelowTheHighWaterMarkAre103AndAFilledIdIs104() {
        h.place(c, order(5, "AAPL").buy(d("10")).market().build());
        h.place(c, order(3, "AAPL").buy(d("10")).market().build());
        assertThat(error(103).id()).isEqualTo(3);
        h.place(c, order(5, "AAPL").buy(d("10")).market().build());
        assertThat(error(104).id()).isEqualTo(5);
        h.place(c, order(6, "AAPL").buy(d("10")).limit(d("150")).build());
        cancel(c, 6);
        c.clear();
        h.place(c, order(6, "AAPL").buy(d("10")).limit(d("150")).build());
        assertThat(c.transcript(6)).containsExactly("error:6:103");
    }

    @Test
    void placingAWorkingOrdersIdModifiesItAndIsAnsweredWithOpenOrderAndStatus() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        c.clear();
        h.place(c, order(1, "AAPL").buy(d("20")).limit(d("151")).build());
        assertThat(c.transcript(1)).containsExactly("open:1:Submitted", "status:1:Submitted:0");
        OpenOrder o = c.of(OpenOrder.class).get(0);
        assertThat(o.totalQuantity()).isEqualByComparingTo("20");
        assertThat(o.lmtPrice()).isEqualByComparingTo("151");
        h.place(c, order(1, "AAPL").buy(d("20")).limit(d("191")).build()); // now marketable
        assertThat(c.execs(1)).extracting(x -> x.shares().toPlainString()).containsExactly("20");
    }

    @Test
    void aModifyThatChangesTheOrderTypeIs105AndAnInvalidOneIs201WithTheOrderStillWorking() {
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        c.clear();
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.transcript(1)).containsExactly("error:1:105");
        c.clear();
        h.place(c, order(1, "AAPL").buy(d("10")).limit(d("-5")).build());
        assertThat(c.transcript(1)).containsExactly("error:1:201", "open:1:Submitted", "status:1:Submitted:0");
        assertThat(h.order(7, 1).limitPrice()).isEqualByComparingTo("150");
    }

    @Test
    void anUntransmittedOrderIsInactiveUntilPlacedAgainWithTransmit() {
        h.place(c, order(1, "AAPL").buy(d("10")).market().transmit(false).build());
        assertThat(c.transcript(1)).containsExactly("open:1:Inactive", "status:1:Inactive:0");
        assertThat(c.execs(1)).isEmpty();
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.statuses(1)).endsWith("PreSubmitted", "Submitted", "Filled");
        assertThat(h.engine.call(() -> h.engine.book.all().size())).isEqualTo(1);
    }
}
