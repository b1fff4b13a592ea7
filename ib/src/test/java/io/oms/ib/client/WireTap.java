package io.oms.ib.client;

import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.ClientMessages;
import io.oms.ib.wire.Frames;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a connector and a real gateway (the simulator) that records every request the client
 * puts on the wire, decoded at server version 195 (what the simulator negotiates with the default options).
 */
final class WireTap implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<ClientMessage> sent = new CopyOnWriteArrayList<>();

    WireTap(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("wire-tap", this::acceptLoop, List.of());
    }

    int port() { return server.getLocalPort(); }

    /** The connector's settings with this relay as its gateway. */
    IbConnectionConfig route(IbConnectionConfig c) {
        return new IbConnectionConfig(c.name(), c.host(), port(), c.clientId(), c.connectTimeout(), c.requestTimeout(),
                c.reconnectMinBackoff(), c.reconnectMaxBackoff());
    }

    /** The requests sent from index from on, as their types. */
    List<Class<?>> typesFrom(int from) {
        return sent.subList(from, sent.size()).stream().<Class<?>>map(Object::getClass).toList();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket gateway = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(gateway);
                List<Socket> pair = List.of(client, gateway);
                daemon("wire-tap-in", () -> gateway.getInputStream().transferTo(client.getOutputStream()), pair);
                daemon("wire-tap-out", () -> tap(client.getInputStream(), gateway.getOutputStream()), pair);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tap(InputStream from, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(from);
        byte[] prefix = new byte[4]; // "API\0", then the version range as one frame
        in.readFully(prefix);
        to.write(prefix);
        to.write(Frames.frame(Frames.read(in)));
        to.flush();
        while (true) {
            byte[] payload = Frames.read(in);
            ClientMessages.decode(Frames.split(payload), 195).ifPresent(sent::add);
            to.write(Frames.frame(payload));
            to.flush();
        }
    }

    private interface Io { void run() throws IOException; }

    /** Runs body on a daemon thread; when it ends (one side went away), closes the pair. */
    private static void daemon(String name, Io body, List<Socket> pair) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (IOException | RuntimeException e) {
                // one side went away: end the pair
            } finally {
                pair.forEach(WireTap::quietClose);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(WireTap::quietClose);
    }
}
