package io.oms.worker.webhook;

import io.oms.infra.scheduling.PollingLoop;
import io.oms.infra.webhook.WebhookDeliveryRepository;
import io.oms.infra.webhook.WebhookDeliveryRepository.Undispatched;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval, starts the deliveries still undispatched one interval after they were created: the process
 * died between committing the row and starting its workflow, the dispatch queue was full, or Temporal was
 * unreachable. Rows younger than one interval, and older ones still in this process's dispatch queue, are the
 * dispatcher's; another worker's queue is not known here, so the two may start the same one, and the second start
 * is refused by the workflow id.
 */
public final class WebhookSweep extends PollingLoop {
    static final int MAX_PER_TICK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(WebhookSweep.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookDispatcher dispatcher;
    private final Duration interval;
    private final Clock clock;

    public WebhookSweep(WebhookDeliveryRepository deliveries, WebhookDispatcher dispatcher, Duration interval, Clock clock) {
        super("webhook-sweep", interval);
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.interval = interval;
        this.clock = clock;
    }

    /** One pass; returns how many deliveries it stamped. Never throws. */
    public int sweepOnce() {
        try {
            List<Undispatched> late = deliveries.undispatched(clock.instant().minus(interval), MAX_PER_TICK).stream()
                    .filter(d -> !dispatcher.holds(d.id())).toList();
            if (late.isEmpty()) {
                return 0;
            }
            int stamped = dispatcher.dispatch(late);
            if (stamped > 0) { // zero: the dispatcher got there first
                log.info("webhook sweep started {} undispatched deliveries", stamped);
            }
            return stamped;
        } catch (RuntimeException e) {
            log.warn("webhook sweep failed: {}", e.toString());
            return 0;
        }
    }

    @Override
    protected void tick() {
        sweepOnce();
    }
}
