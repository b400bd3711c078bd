package org.shanhai.alerts.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called: http(s) only, no credentials in the URL, and no private,
 * loopback, link-local or otherwise internal address (a webhook must not become a way into the
 * cluster, OWASP's SSRF advice) unless the host or its address range is allow-listed
 * ({@code shanhai.alerts.webhooks.allowed-hosts}). The host is resolved: checked when the
 * subscription is made and again before each attempt, so a name cannot later point inside.
 * Resolving blocks: call it off the event loop.
 */
public final class WebhookUrlPolicy {

  private final List<String> allowedHosts;
  private final List<Cidr> allowedRanges;

  private WebhookUrlPolicy(List<String> allowedHosts, List<Cidr> allowedRanges) {
    this.allowedHosts = allowedHosts;
    this.allowedRanges = allowedRanges;
  }

  /** @param allowed host names (exact, case-insensitive) and CIDR ranges such as {@code 127.0.0.0/8} */
  public static WebhookUrlPolicy allowing(List<String> allowed) {
    return new WebhookUrlPolicy(
        allowed.stream().filter(a -> !a.contains("/")).map(a -> a.toLowerCase(Locale.ROOT)).toList(),
        allowed.stream().filter(a -> a.contains("/")).map(Cidr::parse).toList());
  }

  /** Why {@code url} may not be called, or empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("only http and https URLs are called");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("credentials do not belong in the URL; the signature authenticates us to the receiver");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return Optional.of("the URL has no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return Optional.of("the host " + bare + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address) && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
        return Optional.of("the host " + bare + " is a private, loopback or link-local address (" 
            + address.getHostAddress() + "), which is refused unless allow-listed");
      }
    }
    return Optional.empty();
  }

  private static boolean isInternal(InetAddress a) {
    return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress() || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc) // fc00::/7
        || isSharedOrReserved(a.getAddress());
  }

  /** 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 198.18.0.0/15 (benchmarking), 240.0.0.0/4 (reserved). */
  private static boolean isSharedOrReserved(byte[] b) {
    if (b.length != 4) {
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second & 0xfe) == 18)
        || first >= 240;
  }

  /** An address range such as {@code 127.0.0.0/8} or {@code ::1/128}. */
  record Cidr(byte[] network, int bits) {

    static Cidr parse(String text) {
      String[] parts = text.split("/", 2);
      try {
        return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR range: " + text, e);
      }
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
