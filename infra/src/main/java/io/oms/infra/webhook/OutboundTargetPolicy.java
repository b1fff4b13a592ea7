package io.oms.infra.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs outbound webhooks may call (server-side request forgery guard). A URL must be absolute http(s) with a
 * host and no user info; plain http and hosts that resolve to a non-public address (loopback, private, link-local
 * such as cloud metadata, carrier-grade NAT, unique-local, multicast, unspecified) are refused unless the tenant
 * allowed private targets. Checked when an endpoint is saved and again, after resolving, before every attempt.
 */
public final class OutboundTargetPolicy {
    private OutboundTargetPolicy() {}

    /** Why a URL is refused at save time (syntax, scheme, literal or well-known private host); empty when acceptable. */
    public static Optional<String> refuseUrl(String url, boolean allowPrivateTargets) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) return Optional.of("must name a host");
        if (uri.getRawUserInfo() != null) return Optional.of("must not carry user info");
        if (uri.getRawFragment() != null) return Optional.of("must not carry a fragment");
        if (allowPrivateTargets) return Optional.empty();
        if (!scheme.equals("https")) return Optional.of("must use https (plain http needs the tenant's allowPrivateTargets)");
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) {
            return Optional.of("names a private host");
        }
        if (isIpLiteral(host)) {
            try {
                if (!isPublic(InetAddress.getByName(stripBrackets(host)))) return Optional.of("names a non-public address");
            } catch (UnknownHostException e) {
                return Optional.of("is not a valid URL");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a resolved target is refused right before an attempt; empty when every address the host resolves to is
     * public (or private targets are allowed).
     */
    public static Optional<String> refuseResolved(URI uri, boolean allowPrivateTargets) {
        Optional<String> syntax = refuseUrl(uri.toString(), allowPrivateTargets);
        if (syntax.isPresent() || allowPrivateTargets) return syntax;
        try {
            for (InetAddress address : InetAddress.getAllByName(stripBrackets(uri.getHost()))) {
                if (!isPublic(address)) return Optional.of("resolves to a non-public address");
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty(); // not a policy matter: the attempt fails as a network error and is retried
        }
    }

    /** True for a globally routable unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) return false;                   // this network; reserved and broadcast
            if (first == 100 && second >= 64 && second < 128) return false; // carrier-grade NAT 100.64/10
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return false; // IETF protocol assignments
            if (first == 198 && (second == 18 || second == 19)) return false;     // benchmarking 198.18/15
            return true;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            if (isMappedOrCompatibleV4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+") || host.contains(":");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
