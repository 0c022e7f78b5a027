package dev.wslogs.sink.report;

import dev.wslogs.classify.RuleSet;
import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptKind;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import dev.wslogs.model.Field;
import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.pipeline.FileStats;
import dev.wslogs.pipeline.PipelineListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Listens to the pipeline and keeps what the report needs, in bounded memory. */
public final class ReportCollector implements PipelineListener {
    static final int MAX_FAILURE_SAMPLES = 20;
    static final int MAX_INCIDENTS_KEPT = 10_000;
    /** And at most this much of them (long lines make 10,000 incidents a few hundred MB). */
    static final long MAX_INCIDENT_BYTES_KEPT = 32L << 20;
    private long keptBytes;

    /** About what an incident keeps alive: its strings, error lines and evidence. */
    static long retainedBytes(Incident i) {
        long n = 400 + i.request().length() + i.path().length() + i.client().length() + i.fix().length();
        for (var e : i.errors()) n += 80 + e.message().length();
        for (String e : i.evidence()) n += 40 + e.length();
        return n;
    }
    private static final long[] EDGES_MS = {1_000, 10_000, 30_000, 55_000, 59_000, 60_000, 61_000, 65_000, 120_000, 300_000,
        600_000, 1_800_000, 3_600_000};

    private final RuleSet rules;
    private final Consumer<Incident> incidentSink;
    private long accessLines;
    private long errorEntries;
    private long failures;
    private final List<ParseFailure> failureSamples = new ArrayList<>();
    private long attempts;
    private long upgraded;
    private long pollingFailures;
    private long noDuration;
    private final Map<Integer, Long> failedByStatus = new TreeMap<>();
    private final long[] durationBuckets = new long[EDGES_MS.length + 1];
    private final TopN paths = new TopN(2_000);
    private final java.util.Map<String, long[]> upgradedByPath = new java.util.HashMap<>();
    private static final int MAX_PATHS = 10_000;
    /** Paths counted for "N of M" are at most this long (10,000 of them, each up to nginx's 8 kB request line, would be 160 MB). */
    private static final int MAX_PATH_CHARS = 512;
    private final TopN clients = new TopN(2_000);
    private final Map<String, Long> byCause = new TreeMap<>();
    private final FindingGroups findings;
    private final List<Incident> incidents = new ArrayList<>();
    private long incidentsTotal;
    private final Set<Field> accessFields = EnumSet.noneOf(Field.class);
    private final Set<ErrorLevel> levelsSeen = EnumSet.noneOf(ErrorLevel.class);

    /** @param incidentSink sees every incident as it is found (streaming outputs); may be a no-op */
    public ReportCollector(RuleSet rules, Consumer<Incident> incidentSink) {
        this.rules = rules;
        this.incidentSink = incidentSink;
        this.findings = new FindingGroups(rules);
    }

    @Override
    public void attempt(Attempt a) {
        countErrors(a.errors());
        if (a.access().isEmpty()) return;
        AccessEntry e = a.access().get();
        accessLines++;
        if (accessFields.size() < Field.COUNT && accessLines < 1000) {
            for (Field f : Field.values()) if (e.logs(f)) accessFields.add(f);
        }
        if (a.kind() == AttemptKind.POLLING && e.status() >= 400) pollingFailures++;
        if (a.kind() != AttemptKind.UPGRADE) return;
        attempts++;
        paths.add(e.server().isEmpty() ? e.path() : e.server() + " " + e.path());
        clients.add(e.get(Field.REMOTE_ADDR));
        if (a.upgraded()) {
            upgraded++;
            long[] c = upgradedByPath.get(e.path());
            if (c != null) c[0]++;
            else if (upgradedByPath.size() < MAX_PATHS && e.path().length() <= MAX_PATH_CHARS) upgradedByPath.put(e.path(), new long[] {1});
            if (e.hasDuration()) durationBuckets[bucket(e.requestTimeMillis())]++;
            else noDuration++;
        } else {
            failedByStatus.merge(e.status(), 1L, Long::sum);
        }
    }

    @Override
    public boolean acceptsQuietAccess() {
        return true;
    }

    /** What {@link #attempt} does for an OTHER attempt without error lines. */
    @Override
    public void quietAccess(Set<Field> fields) {
        accessLines++;
        if (accessFields.size() < Field.COUNT && accessLines < 1000) accessFields.addAll(fields);
    }

    /** What {@link #attempt} does for an OTHER attempt with an access line and these error lines. */
    @Override
    public void quietAttempt(Set<Field> fields, List<ErrorEntry> errors, java.util.function.Supplier<AccessEntry> entry) {
        countErrors(errors);
        quietAccess(fields);
    }

    private void countErrors(List<ErrorEntry> errors) {
        for (int i = 0; i < errors.size(); i++) {
            errorEntries++;
            levelsSeen.add(errors.get(i).level());
        }
    }

    @Override
    public void incident(Incident i) {
        incidentsTotal++;
        byCause.merge(i.cause(), 1L, Long::sum);
        findings.add(i);
        if (incidents.size() < MAX_INCIDENTS_KEPT && keptBytes < MAX_INCIDENT_BYTES_KEPT) {
            incidents.add(i);
            keptBytes += retainedBytes(i);
        }
        incidentSink.accept(i);
    }

    @Override
    public void parseFailure(ParseFailure f) {
        failures++;
        if (failureSamples.size() < MAX_FAILURE_SAMPLES) failureSamples.add(f);
    }

    private static int bucket(long ms) {
        for (int i = 0; i < EDGES_MS.length; i++) if (ms < EDGES_MS[i]) return i;
        return EDGES_MS.length;
    }

    static String bucketLabel(int i) {
        String lo = i == 0 ? "0" : secs(EDGES_MS[i - 1]);
        return i == EDGES_MS.length ? "≥ " + lo + " s" : lo + "–" + secs(EDGES_MS[i]) + " s";
    }

    private static String secs(long ms) {
        return Long.toString(ms / 1000);
    }

    public Report finish(List<FileStats> files, List<String> notices, List<String> timeoutClusters, boolean errorLogGiven,
            long evictions) {
        return finish(files, notices, timeoutClusters, errorLogGiven, evictions, 0);
    }

    /** @param decidedEarly deferred decisions taken early (a bound reached: {@code Classifier.decidedEarly}) */
    public Report finish(List<FileStats> files, List<String> notices, List<String> timeoutClusters, boolean errorLogGiven,
            long evictions, long decidedEarly) {
        List<Map.Entry<String, Long>> hist = new ArrayList<>();
        for (int i = 0; i < durationBuckets.length; i++) hist.add(Map.entry(bucketLabel(i), durationBuckets[i]));
        if (noDuration > 0) hist.add(Map.entry("not logged", noDuration));
        List<String> coverage = Coverage.notes(accessFields, errorLogGiven, levelsSeen, accessLines > 0);
        return new Report(files, notices, accessLines, errorEntries, failures, failureSamples, attempts, upgraded, pollingFailures,
                new LinkedHashMap<>(failedByStatus), hist, timeoutClusters, paths.top(10), clients.top(10), new LinkedHashMap<>(byCause),
                findings.findings(p -> {
                    long[] c = upgradedByPath.get(p);
                    return c == null ? -1 : c[0];
                }), incidents, incidentsTotal, coverage, evictions, decidedEarly);
    }

    RuleSet rules() {
        return rules;
    }
}
