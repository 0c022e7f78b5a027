package dev.wslogs.pipeline;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ParseFailure;

/**
 * What a source stage hands the pipeline, stamped with log time (epoch ms). Error lines carry
 * their time resolved to an instant by the source (error.log has no UTC offset).
 */
public sealed interface Event {
    long time();

    record Access(AccessEntry entry) implements Event {
        @Override
        public long time() {
            return entry.timeMillis();
        }
    }

    record Error(ErrorEntry entry, long time) implements Event {}

    record Failure(ParseFailure failure, long time) implements Event {}
}
