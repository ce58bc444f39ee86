package io.vocmonitor.dashboard.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may be delivered: {@code https} URLs (plain {@code http} only when allowed, for local use), whose
 * host resolves to public addresses only — never loopback, private, link-local, unique-local, carrier-grade NAT,
 * multicast or unspecified ones — unless the host and port are on the allow-list
 * ({@code VOC_WEBHOOK_ALLOWED_HOSTS}, {@code host:port} entries). Checked when a subscription is made and again, on
 * the resolved addresses, before every delivery.
 */
public final class AddressPolicy {

    /** A URL or address the rules refuse, with the reason a user can act on. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** A host name the resolver may answer; tests give one that answers without a network. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public AddressPolicy(boolean allowHttp, String allowedHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedHosts = allowedHosts == null ? Set.of() : Arrays.stream(allowedHosts.split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The URL, parsed and checked: scheme, host, port, and each address its host resolves to now. */
    public URI check(String url) throws Refused {
        URI uri = parse(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        if (allowedHosts.contains(hostAndPort(host, port))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("url: the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String kind = nonPublic(address);
            if (kind != null) {
                throw new Refused("url: " + host + " resolves to " + address.getHostAddress() + ", a " + kind
                        + " address; webhooks go to public addresses only");
            }
        }
        return uri;
    }

    /** The syntax alone: an absolute http(s) URL with a host, no user info, no fragment. */
    URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("url: required, an https URL");
        }
        if (url.length() > 2048) {
            throw new Refused("url: at most 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("url: not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw new Refused("url: must be https" + (scheme.equals("http") ? " (plain http is allowed only with "
                    + "VOC_WEBHOOK_ALLOW_HTTP=true, for local use)" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("url: has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url: must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("url: must not have a fragment");
        }
        return uri;
    }

    /** What kind of non-public address this is, or null for a public one. No socket is opened. */
    public static String nonPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return "\"this network\"";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "carrier-grade NAT";
            }
            if (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) {
                return "protocol-assignment";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first >= 240) {
                return "reserved";
            }
        } else if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (isMappedOrCompatibleIpv4(bytes)) {
                try {
                    String mapped = nonPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                    return mapped == null ? null : mapped + " (IPv4-mapped)";
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are an IPv4 address", e);
                }
            }
        }
        return null;
    }

    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
    }

    private static String hostAndPort(String host, int port) {
        return host + ":" + port;
    }
}
