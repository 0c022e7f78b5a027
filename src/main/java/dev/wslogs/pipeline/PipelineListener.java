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
}
