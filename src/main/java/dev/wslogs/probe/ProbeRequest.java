package dev.wslogs.probe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to probe and how.
 *
 * @param url          {@code ws://} or {@code wss://} URL
 * @param headers      extra request headers, sent as given
 * @param subprotocols offered in {@code Sec-WebSocket-Protocol}
 * @param timeout      bound for each phase (DNS, connect, TLS, response, echo)
 * @param insecure     continue past a certificate that fails verification (the result still says so)
 * @param caFile       PEM certificates to trust instead of the JDK's default trust store
 * @param echo         a text message to send after the upgrade, expected back
 * @param hold         keep the upgraded socket idle this long and report how it ended
 */
public record ProbeRequest(URI url, List<Header> headers, Optional<String> origin, List<String> subprotocols,
                           Duration timeout, boolean insecure, Optional<Path> caFile, Optional<String> echo,
                           Optional<Duration> hold) {

    /** A request or response header as sent or received. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public ProbeRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) throw new IllegalArgumentException("not a ws:// or wss:// URL: " + url);
        if (url.getHost() == null || url.getHost().isEmpty()) throw new IllegalArgumentException("no host in " + url);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        for (Header h : headers) {
            if (h.name().isEmpty() || (h.name() + h.value()).chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("invalid header: " + h.name());
            }
        }
    }

    /** A plain handshake with defaults: 10 s per phase, no echo, no hold. */
    public static ProbeRequest of(URI url) {
        return new ProbeRequest(url, List.of(), Optional.empty(), List.of(), Duration.ofSeconds(10), false,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ProbeRequest withUrl(URI other) {
        return new ProbeRequest(other, headers, origin, subprotocols, timeout, insecure, caFile, echo, hold);
    }

    public ProbeRequest withTimeout(Duration d) {
        return new ProbeRequest(url, headers, origin, subprotocols, d, insecure, caFile, echo, hold);
    }

    /** This request with one more header (e.g. a Host for a name-based server). */
    public ProbeRequest withHeader(String name, String value) {
        List<Header> more = new java.util.ArrayList<>(headers);
        more.add(new Header(name, value));
        return new ProbeRequest(url, more, origin, subprotocols, timeout, insecure, caFile, echo, hold);
    }

    public ProbeRequest withEcho(String message) {
        return new ProbeRequest(url, headers, origin, subprotocols, timeout, insecure, caFile, Optional.of(message), hold);
    }

    public ProbeRequest withHold(Duration d) {
        return new ProbeRequest(url, headers, origin, subprotocols, timeout, insecure, caFile, echo, Optional.of(d));
    }

    public ProbeRequest withCaFile(Path p) {
        return new ProbeRequest(url, headers, origin, subprotocols, timeout, insecure, Optional.of(p), echo, hold);
    }

    public ProbeRequest withInsecure(boolean b) {
        return new ProbeRequest(url, headers, origin, subprotocols, timeout, b, caFile, echo, hold);
    }

    /** The request without echo and hold: what is sent to a back end for comparison. */
    public ProbeRequest handshakeOnly() {
        return new ProbeRequest(url, headers, origin, subprotocols, timeout, insecure, caFile, Optional.empty(), Optional.empty());
    }

    public boolean secure() {
        return url.getScheme().equalsIgnoreCase("wss");
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : secure() ? 443 : 80;
    }

    /** Path and query as sent in the request line ({@code /} when empty). */
    public String target() {
        String p = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? p : p + "?" + url.getRawQuery();
    }

    /** The Host header: the host, with the port when it is not the scheme's default. */
    public String hostHeader() {
        String h = url.getHost();
        boolean defaultPort = port() == (secure() ? 443 : 80);
        return defaultPort ? h : h + ":" + port();
    }
}
