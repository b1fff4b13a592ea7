package io.oms.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundTargetPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost:8443/x", "https://10.1.2.3/", "https://192.168.0.1/",
            "https://172.16.5.4/", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/", "https://[::1]/",
            "https://[fd00::1]/", "https://[::ffff:10.0.0.1]/", "https://0.0.0.0/", "https://metadata.google.internal/"})
    void refusesPrivateTargetsByDefault(String url) {
        assertThat(OutboundTargetPolicy.refuseUrl(url, false)).isPresent();
    }

    @Test
    void allowsPrivateTargetsAndPlainHttpWhenTheTenantAllowsThem() {
        assertThat(OutboundTargetPolicy.refuseUrl("http://127.0.0.1:9000/hook", true)).isEmpty();
        assertThat(OutboundTargetPolicy.refuseResolved(URI.create("http://localhost:9000/hook"), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "not a url", "/relative/path", "https://user:pw@example.com/",
            "http://example.com/hook", "https:///nohost"})
    void refusesUrlsThatAreNotAbsoluteHttpsWithAHost(String url) {
        assertThat(OutboundTargetPolicy.refuseUrl(url, false)).isPresent();
    }

    @Test
    void acceptsPublicHttpsTargets() {
        assertThat(OutboundTargetPolicy.refuseUrl("https://hooks.example.com/oms?x=1", false)).isEmpty();
        assertThat(OutboundTargetPolicy.refuseUrl("https://93.184.215.14/hook", false)).isEmpty();
    }

    @Test
    void refusesAHostnameThatResolvesToLoopback() {
        assertThat(OutboundTargetPolicy.refuseResolved(URI.create("https://localhost/hook"), false)).isPresent();
    }

    @Test
    void classifiesAddresses() throws Exception {
        assertThat(OutboundTargetPolicy.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(OutboundTargetPolicy.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
        assertThat(OutboundTargetPolicy.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
        assertThat(OutboundTargetPolicy.isPublic(InetAddress.getByName("fe80::1"))).isFalse();
    }
}
