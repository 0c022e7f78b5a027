package dev.wslogs.pipeline;

import dev.wslogs.classify.Classifier;
import dev.wslogs.classify.ConfigKnowledge;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptClassifier;
import dev.wslogs.correlate.Correlator;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The one processing path. Feed it events in log-time order ({@link #accept}); it joins, classifies
 * and tells the listener. {@link #finish()} flushes everything pending (end of a replay, or
 * shutdown).
 */
public final class Pipeline {
    /** How long (log time) an unclaimed error line waits for its access line. */
    public static final long ERROR_RETENTION_MILLIS = 10_000;
    public static final int MAX_PENDING_ERRORS = 200_000;

    private final PipelineListener listener;
    private final AttemptClassifier attempts;
    private final Correlator correlator;
    private final Classifier classifier;

    public Pipeline(RuleSet rules, List<String> wsPaths, List<Long> knownTimeoutsMillis, ZoneId errorZone, PipelineListener listener) {
        this(rules, Optional.empty(), wsPaths, knownTimeoutsMillis, errorZone, listener);
    }

    public Pipeline(RuleSet rules, Optional<ConfigKnowledge> config, List<String> wsPaths, List<Long> knownTimeoutsMillis,
            ZoneId errorZone, PipelineListener listener) {
        this.listener = listener;
        this.attempts = new AttemptClassifier(wsPaths);
        List<Long> timeouts = new java.util.ArrayList<>(knownTimeoutsMillis);
        config.ifPresent(c -> c.readTimeouts().forEach(t -> {
            if (!timeouts.contains(t)) timeouts.add(t);
        }));
        this.classifier = new Classifier(rules, config, timeouts, errorZone, listener::incident);
        this.correlator = new Correlator(ERROR_RETENTION_MILLIS, MAX_PENDING_ERRORS, this::onAttempt);
    }

    public AttemptClassifier attemptClassifier() {
        return attempts;
    }

    public Classifier classifier() {
        return classifier;
    }

    public Correlator correlator() {
        return correlator;
    }

    private long accessWatermark = Long.MIN_VALUE;
    private long errorWatermark = Long.MIN_VALUE;

    public void accept(Event e) {
        if (e instanceof Event.Error && e.time() > errorWatermark) errorWatermark = e.time();
        if (e instanceof Event.Access a) {
            arrive(a.entry());
            AttemptClassifier.Verdict v = attempts.classify(a.entry());
            correlator.onAccess(a.entry(), v.kind(), v.why());
        } else if (e instanceof Event.Error er) {
            correlator.onError(er.entry(), er.time());
            if (accessWatermark == Long.MIN_VALUE || errorWatermark - ERROR_LEAD_MILLIS > accessWatermark) {
                correlator.advance(watermark());
            }
        } else if (e instanceof Event.Failure f) {
            listener.parseFailure(f.failure());
        }
    }

    /** What {@link #acceptQuietAccess} did with a quiet line. */
    public enum QuietOutcome {
        /** Taken: exactly what {@link #accept} would have done is done. */
        TAKEN,
        /**
         * Not taken because it may claim a pending error line, but its path is not a learned one:
         * build the entry and hand it to {@link #acceptOrdinary} (its verdict is known).
         */
        ORDINARY_ENTRY,
        /** Not taken: its path may have been learned; build the entry and hand it to {@link #accept}. */
        ENTRY
    }

    /**
     * The fast path for an ordinary access line that was not built into an entry: the caller has
     * established (from its bytes) that it is not WebSocket traffic by every rule but the learned
     * paths, that its status is one the classifier ignores ({@link Classifier#ignoresQuietOther}),
     * and has the hash of its path ({@link AttemptClassifier#plainRequestPathHash}). Changes nothing
     * unless it returns {@link QuietOutcome#TAKEN}: the line still might matter when its path may
     * have been learned, or when it may claim a pending error line.
     */
    public QuietOutcome acceptQuietAccess(long timeMillis, boolean connectionLogged, long connection, String client, long pathHash,
            java.util.Set<dev.wslogs.model.Field> fields) {
        if (!listener.acceptsQuietAccess() || attempts.mayBeLearned(pathHash)) return QuietOutcome.ENTRY;
        if (correlator.mayClaim(connectionLogged, connection, client)) return QuietOutcome.ORDINARY_ENTRY;
        arrive(timeMillis); // an access line: what was deferred past its horizon is decided before it, as for any other
        correlator.advance(timeMillis);
        listener.quietAccess(fields);
        return QuietOutcome.TAKEN;
    }

    /**
     * {@link #accept} of the entry of a line {@link #acceptQuietAccess} answered
     * {@link QuietOutcome#ORDINARY_ENTRY} for, without classifying it again: what the worker proved
     * from its bytes and the learned paths leave one verdict, {@link AttemptKind#OTHER} ("").
     */
    public void acceptOrdinary(dev.wslogs.model.AccessEntry entry) {
        arrive(entry);
        correlator.onAccess(entry, dev.wslogs.correlate.AttemptKind.OTHER, "");
    }

    /**
     * {@link #acceptOrdinary} of a line {@link #acceptQuietAccess} answered
     * {@link QuietOutcome#ORDINARY_ENTRY} for, in a format logging {@code $connection}, from the
     * values its entry would give ({@link Correlator#claimOnConnection}) and its status: the entry
     * is built ({@code entry}) only when the classifier could make something of the error lines the
     * line claims ({@link Classifier#ignoresOrdinary}); otherwise the listener counts the line
     * ({@link PipelineListener#quietAttempt}). Exactly what {@link #acceptOrdinary} would do.
     */
    public void acceptOrdinaryClaim(long timeMillis, long startMillis, long connection, long pid, int status,
            java.util.Set<dev.wslogs.model.Field> fields, java.util.function.Supplier<dev.wslogs.model.AccessEntry> entry) {
        arrive(timeMillis);
        List<dev.wslogs.model.ErrorEntry> errors = correlator.claimOnConnection(timeMillis, startMillis, connection, pid);
        if (classifier.ignoresOrdinary(status, errors)) {
            listener.quietAttempt(fields, errors, entry);
        } else {
            onAttempt(new Attempt(Optional.of(entry.get()), dev.wslogs.correlate.AttemptKind.OTHER, errors, ""));
        }
    }

    /** An access line arrives: log time moves, and what was deferred past its horizon is decided. */
    private void arrive(dev.wslogs.model.AccessEntry entry) {
        arrive(entry.timeMillis());
    }

    private void arrive(long timeMillis) {
        if (timeMillis > accessWatermark) accessWatermark = timeMillis;
        // Deferred decisions are taken at a fixed point of the event stream — before the first
        // access line past their horizon — not when a driver happens to tick, so a replay and a
        // daemon reading in rounds of any size decide with the same knowledge.
        classifier.decideBefore(timeMillis - DEFERRAL_MILLIS);
    }

    /** Whether {@link #acceptQuietAccess} can ever take a line (the listener opted in). */
    public boolean hasQuietPath() {
        return listener.acceptsQuietAccess();
    }

    /**
     * How long (log time) deferred decisions wait in a running daemon: long enough for a timeout
     * cluster or a session's owner to show, short enough to report within minutes.
     */
    public static final long DEFERRAL_MILLIS = 120_000;

    /**
     * How far the error log may run ahead of the access log before its own time closes windows:
     * access lines can lag (nginx's {@code access_log … buffer= flush=}), error lines never do.
     */
    public static final long ERROR_LEAD_MILLIS = 300_000;

    /**
     * Log time that has closed: the access log's (an error line waits for its access line, which
     * nginx may write late), or the error log's minus {@link #ERROR_LEAD_MILLIS} when the access log
     * is quiet or absent.
     */
    public long watermark() {
        if (errorWatermark == Long.MIN_VALUE) return accessWatermark;
        return Math.max(accessWatermark, errorWatermark - ERROR_LEAD_MILLIS);
    }

    /** Called by a live driver after each batch: expires and decides what log time has closed. */
    public void tick() {
        long w = watermark();
        if (w == Long.MIN_VALUE) return;
        correlator.advance(w);
        classifier.decideBefore(w - DEFERRAL_MILLIS);
    }

    public void finish() {
        correlator.finish();
        classifier.finish();
    }

    private void onAttempt(Attempt a) {
        listener.attempt(a);
        classifier.accept(a);
    }
}
