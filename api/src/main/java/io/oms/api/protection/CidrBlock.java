package io.oms.api.protection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is a single host). Only IP
 * literals are accepted, never host names: a name would need a DNS lookup on the hot path and could change.
 */
record CidrBlock(byte[] network, int prefix) {
    // Strict shapes: anything else (even "beef.cafe", all hex) could make InetAddress ask DNS.
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Parses an entry; the message of the exception says what is wrong with it. */
    static CidrBlock parse(String text) {
        String entry = text == null ? "" : text.trim();
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress ip = literal(address).orElseThrow(() ->
                new IllegalArgumentException("is not an IPv4 or IPv6 address or network (CIDR)"));
        int bits = ip.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("has no valid prefix length after '/'");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("has a prefix length outside 0.." + bits);
            }
        }
        byte[] network = ip.getAddress();
        if (!masked(network, prefix)) {
            throw new IllegalArgumentException("has bits set after the prefix length (the network address is needed)");
        }
        return new CidrBlock(network, prefix);
    }

    /** The address if {@code text} is an IP literal; never resolves a name. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) return Optional.empty(); // else Java would try it as a name
            }
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: parsed, no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (other[i] != network[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (other[full] & mask) == (network[full] & mask);
    }

    /** Canonical text, as PostgreSQL's {@code cidr} type prints it for IPv4 ({@code 10.0.0.0/8}). */
    String text() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: 4 or 16 bytes
        }
    }

    private static boolean masked(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) return false;
        }
        return true;
    }
}
