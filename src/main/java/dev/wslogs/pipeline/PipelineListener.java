package dev.wslogs.pipeline;

import dev.wslogs.correlate.Attempt;
import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;

/** The pipeline's outputs. Sinks implement what they need; a failing sink is isolated by the caller. */
public interface PipelineListener {
    default void attempt(Attempt a) {}

    default void incident(Incident i) {}

    default void parseFailure(ParseFailure f) {}
}
