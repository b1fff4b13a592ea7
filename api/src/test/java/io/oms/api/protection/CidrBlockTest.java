package io.oms.api.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CidrBlockTest {
    private static boolean allows(List<String> entries, String address) {
        return new TenantProtection(entries.stream().map(CidrBlock::parse).toList(), Optional.empty()).allows(address);
    }

    @Test
    void ipv4NetworksHoldTheirAddressesOnly() {
        assertThat(allows(List.of("10.0.0.0/8"), "10.255.1.2")).isTrue();
        assertThat(allows(List.of("10.0.0.0/8"), "11.0.0.1")).isFalse();
        assertThat(allows(List.of("192.168.4.0/22"), "192.168.7.255")).isTrue();
        assertThat(allows(List.of("192.168.4.0/22"), "192.168.8.0")).isFalse();
        assertThat(allows(List.of("203.0.113.7"), "203.0.113.7")).isTrue();
        assertThat(allows(List.of("203.0.113.7"), "203.0.113.8")).isFalse();
        assertThat(allows(List.of("0.0.0.0/0"), "8.8.8.8")).isTrue();
    }

    @Test
    void ipv6NetworksHoldTheirAddressesOnlyAndNeverIpv4Ones() {
        assertThat(allows(List.of("2001:db8::/32"), "2001:db8:1234::1")).isTrue();
        assertThat(allows(List.of("2001:db8::/32"), "2001:db9::1")).isFalse();
        assertThat(allows(List.of("::/0"), "10.0.0.1")).isFalse();
        assertThat(allows(List.of("::1"), "0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void anEmptyListAllowsAnyAddressAndANonLiteralAddressMatchesNothing() {
        assertThat(allows(List.of(), "198.51.100.1")).isTrue();
        assertThat(allows(List.of("0.0.0.0/0"), "example.com")).isFalse();
        assertThat(allows(List.of("0.0.0.0/0"), "")).isFalse();
        assertThat(allows(List.of("0.0.0.0/0"), null)).isFalse();
    }

    @Test
    void canonicalTextIsTheNetworkAndPrefix() {
        assertThat(CidrBlock.parse(" 10.1.0.0/16 ").text()).isEqualTo("10.1.0.0/16");
        assertThat(CidrBlock.parse("203.0.113.7").text()).isEqualTo("203.0.113.7/32");
    }

    @Test
    void refusesHostNamesBadPrefixesAndHostBits() {
        assertThatThrownBy(() -> CidrBlock.parse("example.com")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> CidrBlock.parse("localhost")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> CidrBlock.parse("beef.cafe")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> CidrBlock.parse("10.1.2")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> CidrBlock.parse("300.1.2.3")).hasMessageContaining("not an IPv4 or IPv6");
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33")).hasMessageContaining("0..32");
        assertThatThrownBy(() -> CidrBlock.parse("2001:db8::/129")).hasMessageContaining("0..128");
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.1/8")).hasMessageContaining("bits set");
        assertThatThrownBy(() -> CidrBlock.parse("")).hasMessageContaining("not an IPv4 or IPv6");
    }
}
