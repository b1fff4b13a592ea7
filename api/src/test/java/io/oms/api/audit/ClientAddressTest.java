package io.oms.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {
    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void forwardedForIsIgnoredWithoutTrustedProxies() {
        assertThat(ClientAddress.of(from("203.0.113.9", "10.0.0.1"), List.of())).isEqualTo("203.0.113.9");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(ClientAddress.of(from("203.0.113.9", "10.0.0.1"), List.of("192.0.2.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyNamesTheNearestUntrustedHop() {
        // The leftmost entry is whatever the client claimed; the proxies' own entries are skipped from the right.
        assertThat(ClientAddress.of(from("192.0.2.1", "6.6.6.6, 198.51.100.7, 192.0.2.2"), List.of("192.0.2.1", "192.0.2.2")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsTheClient() {
        assertThat(ClientAddress.of(from("192.0.2.1", null), List.of("192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void aTrustedIpv6ProxyMatchesWhateverItsSpelling() {
        assertThat(ClientAddress.of(from("0:0:0:0:0:0:0:1", "198.51.100.7"), List.of("::1"))).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(from("::1", "2001:db8::7"), List.of("0:0:0:0:0:0:0:1")))
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(ClientAddress.canonical("proxy.internal.example")).isEqualTo("proxy.internal.example");
        assertThat(ClientAddress.of(from("192.0.2.1", "unknown"), List.of("192.0.2.1"))).isEqualTo("unknown");
    }
}
