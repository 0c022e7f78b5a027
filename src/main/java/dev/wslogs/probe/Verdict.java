package dev.wslogs.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a probe's outcome means, in the diagnosis engine's words.
 *
 * @param cause        the cause id ({@code patterns/}), empty when the upgrade works or nothing
 *                     documented explains the failure
 * @param alternatives other causes the probe alone cannot rule out
 * @param explanation  one or two sentences
 */
public record Verdict(Optional<String> cause, List<String> alternatives, String explanation) {
    public Verdict {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(explanation, "explanation");
        alternatives = List.copyOf(alternatives);
    }

    static Verdict of(String cause, String explanation, String... alternatives) {
        return new Verdict(Optional.of(cause), List.of(alternatives), explanation);
    }

    static Verdict none(String explanation) {
        return new Verdict(Optional.empty(), List.of(), explanation);
    }
}
