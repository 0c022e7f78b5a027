package dev.wslogs.probe;

import dev.wslogs.probe.ProbeRequest.Header;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one probe saw. Phases are in order and stop at the first that failed.
 *
 * @param upgraded        101 with a valid {@code Upgrade}, {@code Connection} and {@code Sec-WebSocket-Accept}
 * @param status          the HTTP status, if a response head arrived
 * @param statusLine      the status line, verbatim ("" when none)
 * @param responseHeaders as received, verbatim
 * @param bodySnippet     the start of a non-101 response's body, verbatim
 * @param handshakeProblems what is wrong with the 101 (empty when valid or when not 101)
 * @param subprotocol     the subprotocol the server selected
 * @param close           how the held connection ended, when {@code --hold} was asked
 */
public record ProbeResult(String url, List<Phase> phases, Optional<TlsInfo> tls, OptionalInt status, String statusLine,
                          List<Header> responseHeaders, String bodySnippet, List<String> handshakeProblems,
                          boolean upgraded, Optional<String> subprotocol, Optional<CloseInfo> close) {

    public ProbeResult {
        Objects.requireNonNull(url, "url");
        phases = List.copyOf(phases);
        responseHeaders = List.copyOf(responseHeaders);
        handshakeProblems = List.copyOf(handshakeProblems);
    }

    /** The upgrade worked, and so did the echo and the hold when they were asked for. */
    public boolean ok() {
        return upgraded && phases.stream().allMatch(Phase::ok);
    }

    public Optional<Phase> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The first phase that failed. */
    public Optional<Phase> failedPhase() {
        return phases.stream().filter(p -> !p.ok()).findFirst();
    }

    /** The last value of a response header (case-insensitive name). */
    public Optional<String> header(String name) {
        String found = null;
        for (Header h : responseHeaders) if (h.name().equalsIgnoreCase(name)) found = h.value();
        return Optional.ofNullable(found);
    }
}
