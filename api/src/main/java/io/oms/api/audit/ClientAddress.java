package io.oms.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's IP address for the audit trail: the TCP peer, unless the peer is a configured trusted proxy, in
 * which case the nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further left
 * are written by the client and cannot be believed). Addresses are compared in canonical form, so {@code ::1}
 * and {@code 0:0:0:0:0:0:0:1} are the same proxy.
 */
public final class ClientAddress {
    /** Only IP literals are parsed (never a host name: no DNS lookup on the request path). */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientAddress() {}

    public static String of(HttpServletRequest request, List<String> trustedProxies) {
        String peer = canonical(request.getRemoteAddr());
        if (trustedProxies.isEmpty() || !isTrusted(peer, trustedProxies)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i].trim());
            if (!hop.isEmpty() && !isTrusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return peer;
    }

    private static boolean isTrusted(String canonicalAddress, List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            if (canonical(proxy.trim()).equals(canonicalAddress)) return true;
        }
        return false;
    }

    /** An IP literal in the JDK's canonical text form; anything else unchanged. */
    static String canonical(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) return address == null ? "" : address;
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException malformed) {
            return address;
        }
    }
}
