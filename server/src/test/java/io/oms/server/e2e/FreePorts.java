package io.oms.server.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port nobody listens on right now, chosen below the kernel's ephemeral range (32768+ on Linux).
 * A port from the ephemeral range (what {@code new ServerSocket(0)} hands out) can be taken, between our check
 * and the child process's bind, by any outgoing connection's automatic local port; a server started in
 * another process then fails with "address already in use". Ports below the range are only ever bound
 * explicitly.
 */
public final class FreePorts {
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final AtomicInteger NEXT =
            new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(LAST - FIRST));

    private FreePorts() {}

    public static int next() {
        for (int attempt = 0; attempt < LAST - FIRST; attempt++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement() - FIRST, LAST - FIRST);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIRST + " and " + LAST);
    }
}
