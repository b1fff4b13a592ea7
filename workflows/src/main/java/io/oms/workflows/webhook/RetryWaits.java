package io.oms.workflows.webhook;

import java.time.Duration;
import java.util.Random;

/** The waits between attempts: the schedule's, with jitter, raised by a receiver's Retry-After up to a cap. */
public final class RetryWaits {
    /** A Retry-After longer than this is not honoured in full: one receiver must not park a delivery for days. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofHours(6);

    private RetryWaits() {}

    /** {@code wait} stretched or shrunk by up to {@link WebhookDeliveryContract#JITTER}, never below 1 ms. */
    public static Duration jittered(Duration wait, Random random) {
        double factor = 1 + WebhookDeliveryContract.JITTER * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(wait.toMillis() * factor)));
    }

    /** The wait actually taken: the planned one, or the receiver's Retry-After (capped) when that is longer. */
    public static Duration effective(Duration planned, Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) return planned;
        Duration asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
        return asked.compareTo(planned) > 0 ? asked : planned;
    }
}
