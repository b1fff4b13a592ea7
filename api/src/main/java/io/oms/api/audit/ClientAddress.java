package io.oms.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The client's IP address for the audit trail: the TCP peer, unless the peer is a configured trusted proxy, in
 * which case the nearest {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further left
 * are written by the client and cannot be believed).
 */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(HttpServletRequest request, List<String> trustedProxies) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
