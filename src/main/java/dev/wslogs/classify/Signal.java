package dev.wslogs.classify;

import java.util.Objects;

/**
 * One way a cause shows in the logs.
 *
 * @param evidence template; {@code {status}}, {@code {error}}, {@code {upstream_addr}},
 *                 {@code {upstream_status}}, {@code {duration}}, {@code {request}}, {@code {why}} are filled in
 * @param confidenceReason why this signal is as sure as it is
 */
public record Signal(Condition when, double confidence, String evidence, String confidenceReason) {
    public Signal {
        Objects.requireNonNull(when);
        Objects.requireNonNull(evidence);
        Objects.requireNonNull(confidenceReason);
    }
}
