package io.oms.ib.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Length framing (int32 big-endian prefix) and NUL-terminated field splitting.
 * IB's reader rejects frames above 0xFFFFFF, so we enforce the same bound on both sides.
 */
public final class Frames {
    public static final int MAX_LENGTH = 0xFFFFFF;

    private Frames() {}

    /** Reads one frame payload; throws EOFException on a clean end of stream. */
    public static byte[] read(InputStream in) throws IOException {
        DataInputStream din = in instanceof DataInputStream d ? d : new DataInputStream(in);
        int len = din.readInt();
        if (len < 0 || len > MAX_LENGTH) {
            throw new WireException("invalid frame length " + len);
        }
        byte[] payload = new byte[len];
        din.readFully(payload);
        return payload;
    }

    /** Prefixes the payload with its length; callers must hold the socket's writer lock. */
    public static byte[] frame(byte[] payload) {
        if (payload.length > MAX_LENGTH) {
            throw new WireException("frame too long: " + payload.length);
        }
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    public static void write(OutputStream out, byte[] payload) throws IOException {
        out.write(frame(payload));
        out.flush();
    }

    /** Joins fields, each followed by NUL, as IB's Builder does. */
    public static byte[] join(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            sb.append(f == null ? "" : f).append('\0');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Splits a payload at NULs; a trailing unterminated remainder (never sent by IB) is kept as a field. */
    public static List<String> split(byte[] payload) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                out.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < payload.length) {
            out.add(new String(payload, start, payload.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    public static List<String> readFields(InputStream in) throws IOException {
        return split(read(in));
    }
}
