package io.oms.ib.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CurrentTime;
import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.ReqCurrentTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The messages-per-second limit: off by default, error 100 and a drop at the third violation, or pacing. */
@Timeout(30)
class PacingTest {
    GatewaySimulator sim;

    @AfterEach
    void stop() { if (sim != null) sim.close(); }

    SimTestClient start(SimulatorConfig cfg, String options) throws Exception {
        sim = new GatewaySimulator(cfg.withPort(0).withTickInterval(Duration.ZERO));
        sim.start();
        return SimTestClient.connect(sim.port(), 1, options).awaitReady();
    }

    static void burst(SimTestClient c, int n) throws Exception {
        for (int i = 0; i < n; i++) c.send(new ReqCurrentTime());
    }

    /** The gateway may cut the session while the burst is still being written; the rest is then refused. */
    static void burstUntilCut(SimTestClient c, int n) throws Exception {
        try {
            burst(c, n);
        } catch (java.net.SocketException cut) {
            // expected once the third violation has closed the session
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (SimTestClient c = start(SimulatorConfig.defaults(), null)) {
            burst(c, 300);
            Waits.until("300 answers", () -> c.of(CurrentTime.class).size() == 300);
            assertThat(c.of(ErrorMessage.class)).noneMatch(e -> e.code() == 100);
        }
    }

    @Test
    void rejectModeAnswers100AndDropsTheSessionAtTheThirdViolation() throws Exception {
        try (SimTestClient c = start(SimulatorConfig.defaults().withPacingLimit(5), null)) {
            // START_API took one token; four more pass, the burst's excess is rejected.
            burstUntilCut(c, 20);
            c.awaitEof();
            assertThat(c.of(ErrorMessage.class).stream().filter(e -> e.code() == 100)).hasSize(3)
                    .allSatisfy(e -> assertThat(e.message()).startsWith("Max rate of messages per second has been exceeded"));
            assertThat(c.of(CurrentTime.class)).hasSizeBetween(4, 6); // what passed the bucket is still answered
        }
    }

    @Test
    void paceModeDelaysButAnswersEverything() throws Exception {
        try (SimTestClient c = start(SimulatorConfig.defaults(), null)) {
            sim.faults().pacing(20, PacingMode.PACE);
            long t0 = System.nanoTime();
            burst(c, 30); // 20 at once, then 10 more at 20/s
            Waits.until("30 answers", () -> c.of(CurrentTime.class).size() == 30);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(300));
            assertThat(c.of(ErrorMessage.class)).noneMatch(e -> e.code() == 100);
        }
    }

    @Test
    void aPaceApiClientIsPacedEvenInRejectMode() throws Exception {
        try (SimTestClient c = start(SimulatorConfig.defaults().withPacingLimit(20), "+PACEAPI")) {
            burst(c, 25);
            Waits.until("25 answers", () -> c.of(CurrentTime.class).size() == 25);
            assertThat(c.eof).isFalse();
            assertThat(c.of(ErrorMessage.class)).noneMatch(e -> e.code() == 100);
        }
    }

    @Test
    void theBucketRefillsAtTheLimitRate() {
        long[] now = {0};
        Pacer p = new Pacer(() -> now[0]);
        for (int i = 0; i < 10; i++) assertThat(p.acquire(10)).isZero();
        assertThat(p.acquire(10)).isEqualTo(100_000_000L); // one token = 100 ms at 10/s
        now[0] = 100_000_000L;
        assertThat(p.acquire(10)).isZero();
    }
}
