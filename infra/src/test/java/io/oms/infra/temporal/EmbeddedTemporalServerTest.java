package io.oms.infra.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded server answers on its port and in-process with one state, and must not slow down with the work it
 * has done (see {@link TimerLogPruner}).
 */
class EmbeddedTemporalServerTest {

    @WorkflowInterface
    public interface Echo {
        @WorkflowMethod
        String echo(String text);
    }

    public static class EchoImpl implements Echo {
        @Override
        public String echo(String text) {
            return text;
        }
    }

    @Test
    void timerLogStaysSmallAfterManyWorkflows() throws Exception {
        int port = freePort();
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port)) {
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
            WorkflowClient client = WorkflowClient.newInstance(stubs);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            factory.newWorker("echo").registerWorkflowImplementationTypes(EchoImpl.class);
            factory.start();
            try {
                for (int i = 0; i < 300; i++) {
                    Echo echo = client.newWorkflowStub(Echo.class,
                            WorkflowOptions.newBuilder().setTaskQueue("echo").setWorkflowId("echo-" + i).build());
                    assertThat(echo.echo("x" + i)).isEqualTo("x" + i);
                }
                Thread.sleep(3_000);
                assertThat(timerLog(server)).as("timer log entries after 300 workflows").hasSizeLessThan(50);
            } finally {
                factory.shutdownNow();
                stubs.shutdownNow();
            }
        }
    }

    @Test
    void aWorkflowRunInProcessIsSeenThroughThePortAndTheOtherWayRound() throws Exception {
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
            WorkflowServiceStubs inProcess = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setChannel(server.channel()).build());
            WorkflowServiceStubs overTcp = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + server.port()).build());
            WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(inProcess));
            factory.newWorker("echo").registerWorkflowImplementationTypes(EchoImpl.class);
            factory.start();
            try {
                assertThat(server.port()).as("the port the system chose").isPositive();
                Echo started = WorkflowClient.newInstance(overTcp).newWorkflowStub(Echo.class,
                        WorkflowOptions.newBuilder().setTaskQueue("echo").setWorkflowId("echo-tcp").build());
                assertThat(started.echo("over tcp")).as("started over TCP, run by the in-process worker").isEqualTo("over tcp");
                String result = WorkflowClient.newInstance(inProcess).newUntypedWorkflowStub("echo-tcp").getResult(String.class);
                assertThat(result).as("read back in-process").isEqualTo("over tcp");
            } finally {
                factory.shutdownNow();
                inProcess.shutdownNow();
                overTcp.shutdownNow();
            }
        }
    }

    private static List<?> timerLog(EmbeddedTemporalServer server) throws ReflectiveOperationException {
        Object starter = read(server, "services");
        Object timer = read(starter, "selfAdvancingTimer");
        return (List<?>) read(timer, "lockEvents");
    }

    private static Object read(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
