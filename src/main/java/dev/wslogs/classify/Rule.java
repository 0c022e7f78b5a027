package dev.wslogs.classify;

import java.util.List;
import java.util.Objects;

/**
 * One documented cause, loaded from {@code patterns/<id>.yml}.
 *
 * @param priority  lower wins when two causes match with the same confidence
 * @param alternatives cause ids the logs alone may not rule out (named on the incident)
 */
public record Rule(
        String id,
        String title,
        String summary,
        String fix,
        int priority,
        List<Signal> signals,
        List<String> alternatives,
        List<Example> examples,
        String source) {

    /** A line (and optional error lines) with the cause a test expects for it. */
    public record Example(String format, String access, List<String> errors, String expect) {}

    public Rule {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(fix);
        signals = List.copyOf(signals);
        alternatives = List.copyOf(alternatives);
        examples = List.copyOf(examples);
    }
}
