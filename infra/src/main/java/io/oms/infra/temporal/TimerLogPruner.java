package io.oms.infra.temporal;

import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.util.LinkedList;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a defect of Temporal's Java test server (1.38): its time-skipping timer keeps a
 * {@code LinkedList} of lock events "for debugging". Every workflow or activity task adds a LOCK and an
 * UNLOCK entry that nothing ever removes, while every timer that fires or is cancelled removes the LOCK
 * entry of its own lock handle with a linear scan of that list. The embedded server therefore leaks memory
 * and slows down in proportion to all the work it has ever done (measured: 16,000 entries after a few
 * thousand orders, with most of the server's CPU in {@code LinkedList.remove}).
 *
 * <p>Four times a second, under the timer's own lock, this drops the entries nothing will ever look for:
 * every UNLOCK entry, and LOCK entries older than two seconds that no lock handle owns (handles are taken
 * only by the timer pump, caller {@code "runnable ..."}, and for the empty queue). The lock count itself is
 * kept elsewhere and is not touched. If the server's internals are not as expected, it logs once and does
 * nothing.
 */
final class TimerLogPruner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TimerLogPruner.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "temporal-timer-log-pruner");
        t.setDaemon(true);
        return t;
    });

    private static final long STALE_AFTER_MILLIS = 2_000;

    private TimerLogPruner(Lock lock, LinkedList<?> events, EventFields fields) {
        scheduler.scheduleWithFixedDelay(() -> prune(lock, events, fields), 250, 250, TimeUnit.MILLISECONDS);
    }

    /** The fields of the server's private LockEvent. */
    private record EventFields(Field lockType, Field caller, Field timestamp) {
        boolean isPrunable(Object event, long now) {
            try {
                if ("UNLOCK".equals(((Enum<?>) lockType.get(event)).name())) {
                    return true;
                }
                String who = String.valueOf(caller.get(event));
                boolean ownedByHandle = who.startsWith("runnable ") || who.contains("empty-queue");
                return !ownedByHandle && now - timestamp.getLong(event) > STALE_AFTER_MILLIS;
            } catch (IllegalAccessException e) {
                return false;
            }
        }
    }

    static Optional<TimerLogPruner> attach(TestServicesStarter starter) {
        try {
            Object timer = field(starter.getClass(), "selfAdvancingTimer").get(starter);
            Lock lock = (Lock) field(timer.getClass(), "lock").get(timer);
            LinkedList<?> events = (LinkedList<?>) field(timer.getClass(), "lockEvents").get(timer);
            Class<?> event = Class.forName(timer.getClass().getName() + "$LockEvent");
            EventFields fields = new EventFields(field(event, "lockType"), field(event, "caller"), field(event, "timestamp"));
            return Optional.of(new TimerLogPruner(lock, events, fields));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Temporal test server internals changed; its timer log is not pruned ({})", e.toString());
            return Optional.empty();
        }
    }

    private static void prune(Lock lock, LinkedList<?> events, EventFields fields) {
        long now = System.currentTimeMillis();
        lock.lock();
        try {
            events.removeIf(event -> fields.isPrunable(event, now));
        } finally {
            lock.unlock();
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
