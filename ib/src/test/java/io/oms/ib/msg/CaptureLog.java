package io.oms.ib.msg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a gateway-view capture: "SIM << [a, b, ]" (client sent), "SIM >> [...]" (gateway wrote) and the
 * "SIM handshake 'v100..195' -> serverVersion N" line (the client's version string, sent before framing).
 */
record CaptureLog(int serverVersion, String clientHello, List<Frame> frames) {
    record Frame(boolean fromClient, List<String> fields, int line) {}

    private static final Pattern HELLO = Pattern.compile("SIM handshake '([^']*)' -> serverVersion (\\d+)");

    static CaptureLog load(int sv) throws IOException {
        String name = "/wire-captures/gateway-view-sv" + sv + ".log";
        try (InputStream in = CaptureLog.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing " + name);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Frame> frames = new ArrayList<>();
            String hello = null;
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                Matcher h = HELLO.matcher(l);
                if (h.matches()) hello = h.group(1);
                boolean c = l.startsWith("SIM << ["), s = l.startsWith("SIM >> [");
                if (!c && !s) continue;
                String body = l.substring("SIM << [".length(), l.lastIndexOf(']'));
                frames.add(new Frame(c, Arrays.asList(body.split(", ", -1)), i + 1));
            }
            return new CaptureLog(sv, hello, frames);
        }
    }
}
