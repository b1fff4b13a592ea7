package io.oms.ib.client;

import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.ClientMessages;
import io.oms.ib.msg.CompletedOrder;
import io.oms.ib.msg.CompletedOrdersEnd;
import io.oms.ib.msg.CurrentTime;
import io.oms.ib.msg.ExecDetailsEnd;
import io.oms.ib.msg.ManagedAccounts;
import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.OpenOrderEnd;
import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqCurrentTime;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqOpenOrders;
import io.oms.ib.msg.ServerMessage;
import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A scripted gateway for what GatewaySimulator cannot do: answer the handshake and nextValidId, record
 * every request, answer the sync requests and currentTime only when told to (silent = a half-open,
 * hung gateway; or silent to chosen request types only), answer reqCompletedOrders with the scripted
 * completed orders, and push any server message on demand (e.g. error 1100/1101/1102, ticks).
 */
final class FakeGateway implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<ClientMessage> received = new CopyOnWriteArrayList<>();
    volatile boolean answering;
    /** Requests of these types are recorded but never answered, even while answering. */
    final Set<Class<? extends ClientMessage>> silentTo = ConcurrentHashMap.newKeySet();
    /** The answer to every reqCompletedOrders, followed by completedOrdersEnd. */
    final List<CompletedOrder> completedOrders = new CopyOnWriteArrayList<>();
    /** While closed, connections get managedAccounts but no nextValidId (the session never becomes ready). */
    private volatile CountDownLatch holdNextValidId = new CountDownLatch(0);
    private volatile OutputStream current;

    FakeGateway(boolean answering) throws IOException {
        this.answering = answering;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-gateway");
        t.setDaemon(true);
        t.start();
    }

    int port() { return server.getLocalPort(); }

    /** A connection to this gateway as client 7, reconnecting fast (10..50 ms), with the given request timeout. */
    IbConnectionConfig config(String name, Duration requestTimeout) {
        return IbConnectionConfig.of(name, "127.0.0.1", port(), 7)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).withRequestTimeout(requestTimeout);
    }

    int connections() { return sockets.size(); }

    <T extends ClientMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The index of the first request of that type on the wire, counting from the index'th request; -1 if none. */
    int indexOf(Class<? extends ClientMessage> type, int from) {
        for (int i = from; i < received.size(); i++) if (type.isInstance(received.get(i))) return i;
        return -1;
    }

    void holdNextValidId() { holdNextValidId = new CountDownLatch(1); }

    void releaseNextValidId() { holdNextValidId.countDown(); }

    /** Closes the live sockets (the gateway keeps listening). */
    void drop() throws IOException {
        for (Socket s : sockets) s.close();
    }

    void send(ServerMessage m) throws IOException {
        OutputStream out = current;
        synchronized (this) {
            Frames.write(out, Frames.join(m.encode(195)));
            out.flush();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "fake-gateway-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            Handshake.readClientHello(in);
            Frames.write(out, Frames.join(new Handshake.Ack(195, Handshake.Ack.now()).fields()));
            Frames.readFields(in); // START_API
            current = out;
            send(new ManagedAccounts(List.of("DU1")));
            holdNextValidId.await();
            send(new NextValidId(1));
            while (true) {
                ClientMessage m = ClientMessages.decode(Frames.readFields(in), 195).orElse(null);
                if (m == null) continue;
                received.add(m);
                if (!answering || silentTo.contains(m.getClass())) continue;
                switch (m) {
                    case ReqCurrentTime ignored -> send(new CurrentTime(System.currentTimeMillis() / 1000));
                    case ReqOpenOrders ignored -> send(new OpenOrderEnd());
                    case ReqCompletedOrders ignored -> {
                        for (CompletedOrder o : completedOrders) send(o);
                        send(new CompletedOrdersEnd());
                    }
                    case ReqExecutions r -> send(new ExecDetailsEnd(r.reqId()));
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) s.close();
    }
}
