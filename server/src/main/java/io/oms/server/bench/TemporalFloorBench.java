package io.oms.server.bench;

import com.sun.management.OperatingSystemMXBean;
import io.oms.infra.temporal.EmbeddedTemporalServer;
import io.oms.infra.temporal.StickyExecution;
import io.oms.worker.WorkerSettings;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code oms bench temporal}: what the embedded Temporal server and the SDK alone cost an order. One process
 * holds the server (reached in-process, as in {@code oms dev}), a worker configured as the OMS's, and a client
 * that submits {@link FloorOrder}s by update-with-start and then signals their fill, as the API and the broker
 * event router do. No HTTP, no PostgreSQL, no IB. Prints submit latency, orders/s to the last ledger write and
 * the process's CPU time per order: the floor under the whole system's figures on the same machine.
 */
public final class TemporalFloorBench {
    static final String USAGE = """
            Usage: oms bench temporal [options]
              --orders N         orders per measured run (default 2000)
              --concurrency C    orders in flight at once (default 8)
              --warmup W         orders before measuring, not counted (default 2000)
              --runs R           measured runs; the median across runs is printed (default 3)
              --transport T      in-process (as oms dev) or tcp (the server's port on loopback) (default in-process)
              --help             this text
            """;
    private static final Duration BACKSTOP = Duration.ofMinutes(10);

    record Options(int orders, int concurrency, int warmup, int runs, boolean tcp) {}

    private record Run(long[] sortedNanos, double perSecond, double cpuMillisPerOrder, int unfinished) {}

    private TemporalFloorBench() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return BenchCommand.run("bench temporal", USAGE, args, out, err, System.getenv(), TemporalFloorBench::parse,
                o -> measure(o, out));
    }

    static Options parse(String[] args, Map<String, String> env) {
        int orders = 2000, concurrency = 8, warmup = 2000, runs = 3;
        boolean tcp = false;
        for (BenchCommandLine.Option o : BenchCommandLine.options(args)) {
            switch (o.name()) {
                case "--orders" -> orders = BenchCommandLine.intArg(o.name(), o.value(), 1, 1_000_000);
                case "--concurrency" -> concurrency = BenchCommandLine.intArg(o.name(), o.value(), 1, 256);
                case "--warmup" -> warmup = BenchCommandLine.intArg(o.name(), o.value(), 0, 1_000_000);
                case "--runs" -> runs = BenchCommandLine.intArg(o.name(), o.value(), 1, 100);
                case "--transport" -> tcp = switch (o.value().strip()) {
                    case "tcp" -> true;
                    case "in-process" -> false;
                    default -> throw new IllegalArgumentException("--transport must be in-process or tcp, got '" + o.value() + "'");
                };
                default -> throw new IllegalArgumentException("unknown option " + o.name());
            }
        }
        return new Options(orders, concurrency, warmup, runs, tcp);
    }

    private static int measure(Options o, PrintStream out) throws InterruptedException {
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
            WorkflowServiceStubsOptions.Builder stubOptions = WorkflowServiceStubsOptions.newBuilder();
            if (o.tcp()) {
                stubOptions.setTarget("127.0.0.1:" + server.port());
            } else {
                stubOptions.setChannel(server.channel());
            }
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(stubOptions.build());
            WorkflowClient client = WorkflowClient.newInstance(stubs);
            // As the OMS's worker (WorkerConfiguration), sticky execution as for an embedded server.
            WorkerFactory factory = WorkerFactory.newInstance(client, WorkerSettings.factory());
            FloorOrder.LedgerImpl ledger = new FloorOrder.LedgerImpl();
            var worker = factory.newWorker(FloorOrder.TASK_QUEUE,
                    WorkerSettings.workers(StickyExecution.scheduleToStartTimeout("auto", true, stubs)));
            worker.registerWorkflowImplementationTypes(FloorOrder.FlowImpl.class);
            worker.registerActivitiesImplementations(ledger, new FloorOrder.BrokerImpl());
            factory.start();
            try {
                out.printf(Locale.ROOT, "embedded Temporal test server reached %s, one worker, concurrency %d%n",
                        o.tcp() ? "over TCP on 127.0.0.1:" + server.port() : "in-process", o.concurrency());
                phase(client, ledger, "w", o.warmup(), o.concurrency());
                double[] p50 = new double[o.runs()], p99 = new double[o.runs()], rate = new double[o.runs()],
                        cpu = new double[o.runs()];
                int unfinished = 0;
                for (int r = 0; r < o.runs(); r++) {
                    Run run = phase(client, ledger, "r" + r, o.orders(), o.concurrency());
                    p50[r] = ms(Percentiles.nearestRank(run.sortedNanos(), 50));
                    p99[r] = ms(Percentiles.nearestRank(run.sortedNanos(), 99));
                    rate[r] = run.perSecond();
                    cpu[r] = run.cpuMillisPerOrder();
                    unfinished += run.unfinished();
                    out.printf(Locale.ROOT, "run %d/%d  submit p50 %.2f  p90 %.2f  p99 %.2f ms   %.0f orders/s   CPU %.2f ms/order%n",
                            r + 1, o.runs(), p50[r], ms(Percentiles.nearestRank(run.sortedNanos(), 90)), p99[r], rate[r], cpu[r]);
                }
                out.printf(Locale.ROOT, "median of %d runs: submit p50 %.2f ms  p99 %.2f ms  %.0f orders/s  CPU %.2f ms/order%n",
                        o.runs(), Percentiles.median(p50), Percentiles.median(p99), Percentiles.median(rate), Percentiles.median(cpu));
                if (unfinished > 0) {
                    out.printf(Locale.ROOT, "%d orders did not finish within %d minutes%n", unfinished, BACKSTOP.toMinutes());
                }
                return unfinished == 0 ? 0 : 1;
            } finally {
                factory.shutdownNow();
                stubs.shutdownNow();
            }
        }
    }

    private static Run phase(WorkflowClient client, FloorOrder.LedgerImpl ledger, String tag, int count, int concurrency)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        int finishedBefore = ledger.finished.get();
        long[] nanos = new long[count];
        long start = System.nanoTime();
        BenchWorkers.run(count, concurrency, "floor-" + tag + "-", BACKSTOP, i -> nanos[i] = submit(client, tag + "-" + i));
        long deadline = System.nanoTime() + BACKSTOP.toNanos();
        while (ledger.finished.get() - finishedBefore < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        Arrays.sort(nanos);
        int finished = ledger.finished.get() - finishedBefore;
        return new Run(nanos, finished / seconds, cpuMillis / count, count - finished);
    }

    /** Submits one order as the API does and signals its fill as the broker event router does; the submit's latency. */
    private static long submit(WorkflowClient client, String id) {
        FloorOrder.Flow flow = client.newWorkflowStub(FloorOrder.Flow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("floor/" + id).setTaskQueue(FloorOrder.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING).build());
        long sent = System.nanoTime();
        WorkflowClient.executeUpdateWithStart(flow::submit,
                UpdateOptions.<String>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
                new WithStartWorkflowOperation<>(flow::run, id));
        long took = System.nanoTime() - sent;
        client.newWorkflowStub(FloorOrder.Flow.class, "floor/" + id).brokerEvents(List.of("exec " + id, "Filled " + id));
        return took;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
