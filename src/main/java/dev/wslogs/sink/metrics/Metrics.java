package dev.wslogs.sink.metrics;

import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptKind;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.pipeline.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Every metric the daemon exports (README, "Metrics"). The pipeline calls it on its thread; the
 * HTTP endpoint scrapes from another, which Micrometer's meters allow.
 */
public final class Metrics implements PipelineListener, AutoCloseable {
    /** Buckets that resolve the idle-timeout cluster at 60 s and the long tail of real sessions. */
    static final double[] LIFETIME_BUCKETS = {1, 5, 10, 30, 55, 59, 60, 61, 65, 120, 300, 600, 1800, 3600};
    static final int MAX_PATHS = 50;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DistributionSummary lifetime;
    private final Map<String, AtomicLong> lagBytes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();
    private final Map<String, Boolean> paths = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter upgraded;
    private final Counter failed;
    private final Map<Integer, Counter> failuresByStatus = new ConcurrentHashMap<>();
    private final Map<String, Counter> incidentsByKey = new ConcurrentHashMap<>();

    public Metrics(LongSupplier checkpointAgeMillis) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        lifetime = DistributionSummary.builder("wslogs.upgraded.connection.duration")
                .description("Lifetime of upgraded (101) WebSocket connections, from the handshake to the close")
                .baseUnit("seconds")
                .serviceLevelObjectives(LIFETIME_BUCKETS)
                .maximumExpectedValue(86_400.0)
                .register(registry);
        Gauge.builder("wslogs.checkpoint.age", () -> checkpointAgeMillis.getAsLong() / 1000.0)
                .description("Seconds since the follow positions were last saved")
                .baseUnit("seconds")
                .register(registry);
        upgraded = attemptCounter("upgraded");
        failed = attemptCounter("failed");
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    private Counter attemptCounter(String outcome) {
        return Counter.builder("wslogs.upgrade.attempts").description("WebSocket upgrade attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void attempt(Attempt a) {
        if (a.kind() != AttemptKind.UPGRADE || a.access().isEmpty()) return;
        AccessEntry e = a.access().get();
        if (a.upgraded()) {
            upgraded.increment();
            if (e.hasDuration()) lifetime.record(e.requestTimeMillis() / 1000.0);
        } else {
            failed.increment();
            failuresByStatus.computeIfAbsent(Math.min(999, Math.max(0, e.status())), st -> Counter.builder("wslogs.handshake.failures")
                    .description("Failed WebSocket handshakes by HTTP status").tag("status", String.format("%03d", st)).register(registry))
                    .increment();
        }
    }

    @Override
    public void incident(Incident i) {
        String path = boundedPath(i.path());
        incidentsByKey.computeIfAbsent(i.cause() + "\u0000" + path, k -> Counter.builder("wslogs.incidents")
                .description("Diagnosed WebSocket incidents by cause").tag("cause", i.cause()).tag("path", path).register(registry))
                .increment();
    }

    @Override
    public void parseFailure(ParseFailure f) {
        Counter.builder("wslogs.lines.unparsed").description("Lines that matched no log format, per log file")
                .tag("file", f.position().file()).tag("log", f.kind().label()).register(registry).increment();
    }

    public void linesRead(String file, String kind, long n) {
        Counter.builder("wslogs.lines.read").description("Lines read, per log file")
                .tag("file", file).tag("log", kind).register(registry).increment(n);
    }

    public void fileEvent(String event) {
        Counter.builder("wslogs.file.events").description("Follower events: rotations, truncations, missing files, read errors")
                .tag("event", event).register(registry).increment();
    }

    public void incidentsDeduplicated(long n) {
        Counter.builder("wslogs.incidents.deduplicated").description("Incidents seen again after a restart and not counted twice")
                .register(registry).increment(n);
    }

    public void sinkFailed(String sink) {
        Counter.builder("wslogs.sink.failures").description("Failures of an output (journal, alerts), isolated from the pipeline")
                .tag("sink", sink).register(registry).increment();
    }

    public void correlationEvictions(LongSupplier n) {
        registry.more().counter("wslogs.correlation.evictions", java.util.List.of(), n, x -> x.getAsLong());
    }

    /** Deferred decisions (timeout cluster, session owner) taken early because their queue hit its bound. */
    public void decidedEarly(LongSupplier n) {
        registry.more().counter("wslogs.decided.early", java.util.List.of(), n, x -> x.getAsLong());
    }

    /** How far behind the end of each followed file the daemon is. */
    public void lag(String file, long bytes, long millis) {
        lagBytes.computeIfAbsent(file, f -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("wslogs.file.lag", v, AtomicLong::get).description("Bytes not yet read of a followed file")
                    .baseUnit("bytes").tag("file", f).register(registry);
            return v;
        }).set(bytes);
        if (millis >= 0) {
            lagMillis.computeIfAbsent(file, f -> {
                AtomicLong v = new AtomicLong();
                Gauge.builder("wslogs.file.lag.time", v, x -> x.get() / 1000.0)
                        .description("Seconds between now and the log time of the last line read from a file")
                        .baseUnit("seconds").tag("file", f).register(registry);
                return v;
            }).set(millis);
        }
    }

    private String boundedPath(String path) {
        if (path.isEmpty()) return "";
        if (paths.containsKey(path)) return path;
        if (paths.size() < MAX_PATHS) {
            paths.put(path, Boolean.TRUE);
            return path;
        }
        return "other";
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
