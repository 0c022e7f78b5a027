package dev.wslogs.pipeline;

import dev.wslogs.correlate.Attempt;
import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;

/** The pipeline's outputs. Sinks implement what they need; a failing sink is isolated by the caller. */
public interface PipelineListener {
    default void attempt(Attempt a) {}

    default void incident(Incident i) {}

    default void parseFailure(ParseFailure f) {}

    /**
     * Whether this listener takes ordinary access lines as {@link #quietAccess} calls instead of
     * {@link #attempt}s. Only then does the pipeline use its fast path for them.
     */
    default boolean acceptsQuietAccess() {
        return false;
    }

    /**
     * An ordinary access line (kind OTHER, no error line, nothing to classify) of a format logging
     * {@code fields}: in place of {@link #attempt} for such a line.
     */
    default void quietAccess(java.util.Set<dev.wslogs.model.Field> fields) {}

    /**
     * An ordinary access line (kind OTHER) of a format logging {@code fields} that claimed these
     * error lines (maybe none), none of which gives the classifier anything to do: in place of
     * {@link #attempt} for such a line, whose entry is built only if asked for. The default makes
     * the attempt the pipeline would have made; a listener that needs less overrides it. Ask
     * {@code entry} during this call only (it reads the line's bytes, which are reused after).
     */
    default void quietAttempt(java.util.Set<dev.wslogs.model.Field> fields, java.util.List<dev.wslogs.model.ErrorEntry> errors,
            java.util.function.Supplier<dev.wslogs.model.AccessEntry> entry) {
        attempt(new Attempt(java.util.Optional.of(entry.get()), dev.wslogs.correlate.AttemptKind.OTHER, errors, ""));
    }
}
