package io.oms.infra.config;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings. {@code trustedProxies}: IP addresses of reverse proxies whose {@code X-Forwarded-For} header
 * is believed when they are the direct peer; empty (the default) means the peer address is the client's.
 */
@ConfigurationProperties("oms.audit")
public record AuditProperties(@DefaultValue List<String> trustedProxies) {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    public AuditProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String proxy : trustedProxies) {
            // Literal addresses only: a host name would need a DNS lookup, and could change under us.
            if (!IP_LITERAL.matcher(proxy).matches()) {
                throw new IllegalArgumentException("oms.audit.trusted-proxies must list IP addresses, not " + proxy);
            }
        }
    }
}
