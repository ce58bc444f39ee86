package io.vocmonitor.dashboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * The address rules on the classifier alone: every address is built from its bytes or parsed from a literal, every
 * host name answered by a resolver of the test's own, so nothing here resolves a name or opens a socket.
 */
class AddressPolicyTest {

    /** An IPv6 address from its literal: a literal is only parsed, never looked up. */
    private static InetAddress ip6(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void nonPublicAddressesAreNamed() throws Exception {
        assertThat(AddressPolicy.nonPublic(ip(127, 0, 0, 1))).isEqualTo("loopback");
        assertThat(AddressPolicy.nonPublic(ip(127, 0, 0, 2))).isEqualTo("loopback");
        assertThat(AddressPolicy.nonPublic(ip(10, 1, 2, 3))).isEqualTo("private");
        assertThat(AddressPolicy.nonPublic(ip(172, 16, 0, 1))).isEqualTo("private");
        assertThat(AddressPolicy.nonPublic(ip(192, 168, 1, 1))).isEqualTo("private");
        assertThat(AddressPolicy.nonPublic(ip(169, 254, 169, 254))).isEqualTo("link-local");
        assertThat(AddressPolicy.nonPublic(ip(100, 64, 0, 1))).isEqualTo("carrier-grade NAT");
        assertThat(AddressPolicy.nonPublic(ip(0, 0, 0, 0))).isEqualTo("unspecified");
        assertThat(AddressPolicy.nonPublic(ip(224, 0, 0, 1))).isEqualTo("multicast");
        assertThat(AddressPolicy.nonPublic(ip(255, 255, 255, 255))).isEqualTo("reserved");
        assertThat(AddressPolicy.nonPublic(ip6("::1"))).isEqualTo("loopback");
        assertThat(AddressPolicy.nonPublic(ip6("fe80::1"))).isEqualTo("link-local");
        assertThat(AddressPolicy.nonPublic(ip6("fd00::1"))).isEqualTo("unique-local");
        // an IPv4 address in IPv6 clothing is judged as the IPv4 address
        assertThat(AddressPolicy.nonPublic(ip6("::ffff:10.0.0.1"))).startsWith("private");
        assertThat(AddressPolicy.nonPublic(ip6("::10.0.0.1"))).startsWith("private");
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertThat(AddressPolicy.nonPublic(ip(192, 0, 2, 10))).isNull(); // TEST-NET-1, never routed
        assertThat(AddressPolicy.nonPublic(ip(100, 128, 0, 1))).isNull(); // just past carrier-grade NAT
        assertThat(AddressPolicy.nonPublic(ip6("2001:db8::1"))).isNull();
    }

    @Test
    void aHostIsJudgedByEveryAddressItResolvesTo() throws Exception {
        AddressPolicy policy = new AddressPolicy(false, "", host -> switch (host) {
            case "hooks.example.test" -> new InetAddress[] {ip(192, 0, 2, 10)};
            // one public, one private: refused, as the client may pick either
            case "mixed.example.test" -> new InetAddress[] {ip(192, 0, 2, 11), ip(10, 0, 0, 5)};
            default -> throw new UnknownHostException(host);
        });
        assertThat(policy.check("https://hooks.example.test/voc").toString()).isEqualTo("https://hooks.example.test/voc");
        assertThatThrownBy(() -> policy.check("https://mixed.example.test/voc"))
                .hasMessageContaining("10.0.0.5").hasMessageContaining("private");
        assertThatThrownBy(() -> policy.check("https://nowhere.example.test/voc")).hasMessageContaining("does not resolve");
    }

    @Test
    void onlyHttpsWithoutCredentialsOrFragments() {
        AddressPolicy policy = new AddressPolicy(false, "", host -> new InetAddress[] {ip(192, 0, 2, 10)});
        assertThatThrownBy(() -> policy.check("http://hooks.example.test/voc"))
                .hasMessageContaining("must be https").hasMessageContaining("VOC_WEBHOOK_ALLOW_HTTP");
        assertThatThrownBy(() -> policy.check("ftp://hooks.example.test/voc")).hasMessageContaining("must be https");
        assertThatThrownBy(() -> policy.check("https://user:pw@hooks.example.test/")).hasMessageContaining("user name");
        assertThatThrownBy(() -> policy.check("https://hooks.example.test/#x")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> policy.check("/relative")).hasMessageContaining("must be https");
        assertThatThrownBy(() -> policy.check(" ")).hasMessageContaining("required");
    }

    @Test
    void theAllowListAdmitsExactlyItsHostsAndPorts() throws Exception {
        AddressPolicy policy = new AddressPolicy(true, "127.0.0.1:8999, receiver.test:8443", host -> switch (host) {
            case "127.0.0.1" -> new InetAddress[] {ip(127, 0, 0, 1)};
            case "127.0.0.2" -> new InetAddress[] {ip(127, 0, 0, 2)};
            case "localhost" -> new InetAddress[] {ip(127, 0, 0, 1)};
            default -> throw new UnknownHostException(host);
        });
        assertThat(policy.check("http://127.0.0.1:8999/hook")).isNotNull();
        assertThat(policy.check("https://receiver.test:8443/hook")).isNotNull();
        assertThatThrownBy(() -> policy.check("http://127.0.0.1:9/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy.check("http://127.0.0.2:8999/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy.check("http://localhost:9/hook")).hasMessageContaining("loopback");
    }

    private static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
