package io.amcfacade.events;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Whether a subscriber's endpoint may be delivered to: an absolute {@code https} URL (plain {@code http} only where
 * private endpoints are allowed: a receiver on the facade's own network), without credentials, whose host resolves
 * only to addresses the operator allows. Every address the name resolves to is checked, and again before every
 * attempt (a name that later resolves to 169.254.169.254 is refused then), so a subscription cannot make the
 * facade call its own network or the cloud's metadata service.
 */
final class EndpointCheck {

    /** Resolves a host name to its addresses (DNS; a test passes its own). */
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private EndpointCheck() {
    }

    /** The endpoint as a URI, or the reason it is refused (an {@link IllegalArgumentException} with the message for the caller). */
    static URI check(String endpoint, EventsConfig.PrivateEndpoints allowed, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("must be an absolute https URL");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("must not carry credentials or a fragment");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("names a host that does not resolve: " + uri.getHost());
        }
        boolean allPublic = true;
        for (InetAddress address : addresses) {
            String refusal = refusal(address, allowed);
            if (refusal != null) {
                throw new IllegalArgumentException("resolves to " + address.getHostAddress() + ", " + refusal
                        + "; refused (amc.events.allow-private-endpoints)");
            }
            allPublic &= kind(address) == null;
        }
        if (scheme.equals("http") && allPublic) {
            throw new IllegalArgumentException("must be an https URL (plain http only to a receiver on an allowed private address)");
        }
        return uri;
    }

    /** Why this address is refused under {@code allowed}, or null. */
    static String refusal(InetAddress address, EventsConfig.PrivateEndpoints allowed) {
        String kind = kind(address);
        if (kind == null || allowed == EventsConfig.PrivateEndpoints.ALL) {
            return null;
        }
        if (allowed == EventsConfig.PrivateEndpoints.LOOPBACK && address.isLoopbackAddress()) {
            return null;
        }
        return kind;
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (e.g. a cloud metadata service)";
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address) || sharedOrBenchmark(address)) {
            return "a private address";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "not a unicast address";
        }
        return null;
    }

    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64/10 (carrier-grade NAT, used inside clouds) and 198.18/15 (benchmarking). */
    private static boolean sharedOrBenchmark(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 100 && second >= 64 && second < 128 || first == 198 && (second == 18 || second == 19)
                || first == 0;
    }
}
