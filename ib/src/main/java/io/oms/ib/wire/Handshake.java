package io.oms.ib.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The connection preamble: the client writes raw "API\0" then a length-framed version range
 * ("v100..195", "v195" when min == max, optionally followed by " +OPTIONS"); the server answers
 * with a normal frame [serverVersion, connectionTime].
 */
public final class Handshake {
    public static final byte[] PREFIX = {'A', 'P', 'I', 0};
    private static final DateTimeFormatter ACK_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    /** The version range a client advertises. */
    public record VersionRange(int min, int max, String options) {
        public VersionRange {
            if (min > max) throw new IllegalArgumentException("min > max: " + min + ".." + max);
        }

        public String encode() {
            String base = min == max ? "v" + max : "v" + min + ".." + max;
            return options == null || options.isBlank() ? base : base + " " + options;
        }

        public static VersionRange parse(String s) {
            if (s == null || !s.startsWith("v")) throw new WireException("bad version string: " + s);
            String[] parts = s.substring(1).split(" ", 2);
            String opts = parts.length > 1 ? parts[1] : null;
            try {
                int dots = parts[0].indexOf("..");
                if (dots < 0) {
                    int v = Integer.parseInt(parts[0]);
                    return new VersionRange(v, v, opts);
                }
                return new VersionRange(Integer.parseInt(parts[0].substring(0, dots)),
                        Integer.parseInt(parts[0].substring(dots + 2)), opts);
            } catch (NumberFormatException e) {
                throw new WireException("bad version string: " + s, e);
            }
        }
    }

    /** The server's answer; connectionTime is informational only. */
    public record Ack(int serverVersion, String connectionTime) {
        public List<String> fields() { return List.of(Integer.toString(serverVersion), connectionTime); }

        public static Ack fromFields(List<String> f) {
            if (f.isEmpty()) throw new WireException("empty handshake ack");
            try {
                return new Ack(Integer.parseInt(f.get(0)), f.size() > 1 ? f.get(1) : "");
            } catch (NumberFormatException e) {
                // "-1" + host is IB's redirect variant; anything non-numeric is not a TWS/IBG.
                throw new WireException("bad handshake ack " + f, e);
            }
        }

        public static String now() {
            return ZonedDateTime.now(ZoneOffset.UTC).format(ACK_TIME) + " UTC";
        }
    }

    private Handshake() {}

    public static void writeClientHello(OutputStream out, VersionRange range) throws IOException {
        byte[] v = range.encode().getBytes(StandardCharsets.US_ASCII);
        out.write(PREFIX);
        out.write(Frames.frame(v));
        out.flush();
    }

    /** Server side: reads "API\0" and the version frame. */
    public static VersionRange readClientHello(InputStream in) throws IOException {
        DataInputStream din = in instanceof DataInputStream d ? d : new DataInputStream(in);
        byte[] prefix = new byte[4];
        din.readFully(prefix);
        if (!Arrays.equals(prefix, PREFIX)) throw new WireException("missing API\\0 prefix");
        return VersionRange.parse(new String(Frames.read(din), StandardCharsets.US_ASCII));
    }
}
