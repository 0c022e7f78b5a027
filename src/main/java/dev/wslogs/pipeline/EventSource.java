package dev.wslogs.pipeline;

/**
 * One series' events, in its own order, for the merge: the head's log time and rank, and a way to
 * hand the head to the pipeline. Implementations are used by the merging thread only.
 */
interface EventSource {
    /** Makes the head available; false once the series is exhausted. */
    boolean ready() throws InterruptedException;

    long time();

    /** 0 for error lines and failures, 1 for access lines (nginx writes a connection's errors first). */
    int rank();

    /** Hands the head to the pipeline and drops it. */
    void deliver(Pipeline pipeline);
}
