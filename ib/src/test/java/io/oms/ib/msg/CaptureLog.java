package io.oms.ib.msg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses a gateway-view capture: "SIM << [a, b, ]" (client sent) and "SIM >> [...]" (gateway wrote). */
record CaptureLog(int serverVersion, List<Frame> frames) {
    record Frame(boolean fromClient, List<String> fields, int line) {}

    static CaptureLog load(int sv) throws IOException {
        String name = "/wire-captures/gateway-view-sv" + sv + ".log";
        try (InputStream in = CaptureLog.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing " + name);
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                boolean c = l.startsWith("SIM << ["), s = l.startsWith("SIM >> [");
                if (!c && !s) continue;
                String body = l.substring("SIM << [".length(), l.lastIndexOf(']'));
                frames.add(new Frame(c, Arrays.asList(body.split(", ", -1)), i + 1));
            }
            return new CaptureLog(sv, frames);
        }
    }
}
