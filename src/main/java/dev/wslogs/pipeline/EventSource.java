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

    /**
     * Delivers the head, then every following event of this series that the merge would also take
     * before the other series' earliest head ({@code limitTime}, {@code limitRank}; on a full tie
     * this series goes first when {@code winsTies}). The same order as one merge round per event,
     * without comparing the other series again for each: most of a log is runs of one series.
     */
    default void deliverRun(Pipeline pipeline, long limitTime, int limitRank, boolean winsTies) throws InterruptedException {
        deliver(pipeline);
        while (ready() && precedes(time(), rank(), limitTime, limitRank, winsTies)) deliver(pipeline);
    }

    /**
     * The merge order: log time; on a tie error lines first (nginx writes them before the access
     * line); on a full tie the series named first ({@code winsTies} for the first of the two).
     */
    static boolean precedes(long time, int rank, long otherTime, int otherRank, boolean winsTies) {
        if (time != otherTime) return time < otherTime;
        return rank != otherRank ? rank < otherRank : winsTies;
    }
}
