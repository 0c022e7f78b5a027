package dev.wslogs.daemon;

import dev.wslogs.classify.ConfigKnowledge;
import dev.wslogs.classify.TimeoutClusters;
import dev.wslogs.classify.RuleLoadException;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.config.Config;
import dev.wslogs.correlate.Attempt;
import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.NginxConfigReader;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.Escape;
import dev.wslogs.parse.JsonAccessFormat;
import dev.wslogs.parse.LogFormatTemplate;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.pipeline.ConfFormats;
import dev.wslogs.pipeline.Pipeline;
import dev.wslogs.pipeline.PipelineListener;
import dev.wslogs.sink.alert.AlertSink;
import dev.wslogs.sink.alert.Webhook;
import dev.wslogs.sink.journal.Journal;
import dev.wslogs.sink.journal.JournalSink;
import dev.wslogs.sink.metrics.Metrics;
import dev.wslogs.source.Checkpoint;
import dev.wslogs.source.Checkpoints;
import dev.wslogs.source.FollowerOptions;
import dev.wslogs.source.StartPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's lifecycle: start (state, journal, metrics endpoint, follower), the poll loop,
 * reload, and a clean stop that decides everything pending and saves positions.
 */
public final class Daemon implements AutoCloseable {
    /** How far log time must pass a line before its position is saved (pending windows + slack). */
    static final long HOLDBACK_MILLIS = Pipeline.DEFERRAL_MILLIS + Pipeline.ERROR_RETENTION_MILLIS + 10_000;

    private final Consumer<String> log;
    private final InstantSource clock;
    private volatile Config config;
    private Checkpoints checkpoints;
    private LearnedState learnedState;
    private Journal journal;
    private JournalSink journalSink;
    private AlertSink alerts;
    private Metrics metrics;
    private HttpEndpoint http;
    private Pipeline pipeline;
    private FollowDriver driver;
    private final CheckpointHoldback holdback = new CheckpointHoldback(HOLDBACK_MILLIS, 2_000);
    private volatile long lastSaveMillis;
    private volatile long lastPollMillis;
    private volatile boolean running;
    private final Object wake = new Object();
    private volatile Path configFile;

    public Daemon(Config config, Consumer<String> log, InstantSource clock) {
        this.config = config;
        this.log = log;
        this.clock = clock;
    }

    /** The file SIGHUP re-reads (null: flags only, reload re-reads patterns). */
    public void configFile(Path file) {
        this.configFile = file;
    }

    /** The rules in force (after the last successful reload). */
    public RuleSet rules() {
        return pipeline.classifier().rules();
    }

    public int httpPort() {
        return http.port();
    }

    public void start() throws IOException, RuleLoadException {
        Config c = config;
        Path state = Path.of(c.stateDir());
        Files.createDirectories(state);
        checkpoints = new Checkpoints(state);
        Checkpoints.Loaded loaded = checkpoints.load();
        loaded.warning().ifPresent(w -> log.accept("wslogs: " + w));
        journal = Journal.open(state.resolve("journal"));
        int deleted = journal.applyRetention(c.journal().retentionDays(), LocalDate.now(ZoneOffset.UTC));
        if (deleted > 0) log.accept("wslogs: journal retention removed " + deleted + " day file(s)");
        journalSink = new JournalSink(journal);
        RuleSet rules = RuleSet.load(c.patternsDir() == null ? null : Path.of(c.patternsDir()));
        Optional<NginxConfig> conf = Optional.empty();
        if (c.nginxConf() != null) {
            try {
                conf = Optional.of(NginxConfigReader.read(Path.of(c.nginxConf())));
            } catch (dev.wslogs.nginxconf.NginxConfException e) {
                throw new IOException("nginx_conf " + c.nginxConf() + ": " + e.getMessage(), e);
            }
        }
        metrics = new Metrics(() -> lastSaveMillis == 0 ? 0 : clock.millis() - lastSaveMillis);
        Webhook hook = c.alerts().webhookUrl() == null ? null : new Webhook(c.alerts().webhookUrl(),
                Duration.ofSeconds(c.alerts().webhookTimeoutSeconds()), c.alerts().webhookRetries(), 1000, log);
        alerts = new AlertSink(c.alerts(), log, hook, hostName());
        ZoneId zone = c.timezone() != null ? ZoneId.of(c.timezone()) : ZoneId.systemDefault();
        List<Long> timeouts = c.readTimeoutsSeconds().stream().map(s -> Math.round(s * 1000)).toList();
        pipeline = new Pipeline(rules, conf.map(ConfigKnowledge::new), c.wsPaths(), timeouts, zone, new Sinks());
        metrics.correlationEvictions(() -> pipeline.correlator().evicted());
        metrics.decidedEarly(() -> pipeline.classifier().decidedEarly());
        learnedState = new LearnedState(state);
        learnedState.load(loaded.checkpoints(), log).ifPresent(st -> pipeline.classifier().clusters().restore(st));
        FollowerOptions opts = FollowerOptions.defaults()
                .withStartAt(c.fromStart() ? StartPosition.START : StartPosition.END)
                .withRotationGrace(Duration.ofSeconds(c.rotationGraceSeconds()));
        Optional<NginxConfig> confForFormats = conf;
        FollowerEvents events = new FollowerEvents(metrics, log, clock);
        driver = new FollowDriver(c.accessLogs(), c.errorLogs(), opts, loaded.checkpoints(), clock, events,
                pipeline, zone, file -> formatFor(c, confForFormats, file), new FollowDriver.Observer() {
                    @Override
                    public void linesRead(String file, dev.wslogs.model.LogKind kind, long n) {
                        metrics.linesRead(file, kind.label(), n);
                    }

                    @Override
                    public void lastLineTime(String file, long t) {
                        events.lastLineTime(file, t);
                    }
                });
        http = new HttpEndpoint(c.listen(), metrics::scrape, () -> running && clock.millis() - lastPollMillis < 30_000, this::healthJson);
        running = true;
        long first = driver.poll();
        lastPollMillis = clock.millis();
        if (first == 0) {
            // Nothing pending yet (a first start at the end of the files, or no backlog): remember
            // where we stand now, so a crash before the first regular save does not skip ahead.
            save(new CheckpointHoldback.Snapshot(pipeline.watermark(), driver.positions(), learned()));
        } else {
            offer(); // a backlog: saved once its effects are final
        }
        log.accept("wslogs: following " + c.accessLogs() + " and " + c.errorLogs() + "; metrics on http://" + c.listen() + "/metrics");
    }

    /** Polls until {@link #stop()}. */
    public void runLoop() {
        while (running) {
            // a backlog (a first start with from_start, a restart behind): read on without waiting;
            // a round reads at most FollowerOptions.maxBytesPerPoll a file, so its lines are few MB
            if (pollOnce() >= BACKLOG_LINES) continue;
            synchronized (wake) {
                if (!running) break;
                try {
                    wake.wait(config.pollIntervalMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    /** One poll round plus checkpointing (tests call this directly). */
    public synchronized long pollOnce() {
        long n = driver.poll();
        lastPollMillis = clock.millis();
        if (n > 0 && clock.millis() - lastOfferMillis >= SNAPSHOT_SPACING_MILLIS) offer();
        CheckpointHoldback.Snapshot safe = holdback.releasable(pipeline.watermark());
        if (safe != null) save(safe);
        return n;
    }

    /** A round of this many lines or more is a backlog (at 2,000 lines a second a round reads 500). */
    static final long BACKLOG_LINES = 10_000;

    /** Snapshots are at least this far apart (wall clock): copying what was learned is not free. */
    static final long SNAPSHOT_SPACING_MILLIS = 1_000;
    private long lastOfferMillis;

    private void offer() {
        holdback.offer(pipeline.watermark(), driver.positions(), learned());
        lastOfferMillis = clock.millis();
    }

    private TimeoutClusters.State learned() {
        return pipeline.classifier().clusters().snapshot();
    }

    /** Saves what was learned (tagged with its positions), then the positions (see {@link LearnedState}). */
    private void save(CheckpointHoldback.Snapshot snap) {
        try {
            learnedState.save(snap.learned(), snap.positions());
            checkpoints.save(snap.positions());
            lastSaveMillis = clock.millis();
        } catch (IOException e) {
            metrics.sinkFailed("checkpoint");
            log.accept("wslogs: cannot save checkpoints: " + e.getMessage());
        }
    }

    /** SIGHUP: re-read the config file's patterns and alert thresholds; a broken reload keeps the old ones. */
    public synchronized void reload() {
        try {
            Config next = configFile == null ? config : dev.wslogs.config.ConfigLoader.load(configFile);
            RuleSet rules = RuleSet.load(next.patternsDir() == null ? null : Path.of(next.patternsDir()));
            pipeline.classifier().setRules(rules);
            alerts.setConfig(next.alerts());
            boolean pathsChanged = !next.accessLogs().equals(config.accessLogs()) || !next.errorLogs().equals(config.errorLogs());
            config = next;
            log.accept("wslogs: reloaded " + (configFile == null ? "patterns" : configFile) + " (" + rules.rules().size() + " rules)"
                    + (pathsChanged ? "; changed log paths take effect after a restart" : ""));
        } catch (Exception e) {
            log.accept("wslogs: reload failed, keeping the previous configuration: " + e.getMessage());
        }
    }

    /** Stops the loop; {@link #close()} then finishes the pipeline and saves. */
    public void stop() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (driver != null) {
            driver.poll();
            pipeline.finish(); // decide what is pending: a clean stop loses nothing
            save(new CheckpointHoldback.Snapshot(pipeline.watermark(), driver.positions(), learned()));
            driver.close();
        }
        if (http != null) http.close();
        if (alerts != null) alerts.close();
        if (journal != null) journal.close();
        if (metrics != null) metrics.close();
    }

    private String healthJson() {
        var n = dev.wslogs.sink.report.JsonReport.MAPPER.createObjectNode();
        n.put("status", running ? "following" : "stopped");
        n.put("last_poll_age_seconds", (clock.millis() - lastPollMillis) / 1000.0);
        n.put("checkpoint_age_seconds", lastSaveMillis == 0 ? -1 : (clock.millis() - lastSaveMillis) / 1000.0);
        n.put("pending_checkpoints", holdback.size());
        n.put("journal_remembered_ids", journalSink.remembered());
        n.put("duplicates_dropped", journalSink.duplicates());
        n.put("alerts_fired", alerts.fired());
        return n.toString();
    }

    private static Optional<AccessFormat> formatFor(Config c, Optional<NginxConfig> conf, String file) {
        if (c.logFormat() != null) {
            String t = c.logFormat();
            return Optional.of(t.stripLeading().startsWith("{") ? JsonAccessFormat.fromTemplate("log_format", t)
                    : new TextAccessFormat("log_format", LogFormatTemplate.compile(t), Escape.DEFAULT, false));
        }
        return conf.flatMap(cf -> new ConfFormats(cf).formatFor(file));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The pipeline's outputs: journal first (it drops duplicates), then metrics and alerts; each isolated. */
    private final class Sinks implements PipelineListener {
        @Override
        public void attempt(Attempt a) {
            metrics.attempt(a);
        }

        @Override
        public void parseFailure(ParseFailure f) {
            metrics.parseFailure(f);
        }

        @Override
        public void incident(Incident i) {
            boolean fresh;
            try {
                fresh = journalSink.append(i);
            } catch (RuntimeException e) {
                metrics.sinkFailed("journal");
                fresh = true;
            }
            if (!fresh) {
                metrics.incidentsDeduplicated(1);
                return;
            }
            metrics.incident(i);
            try {
                alerts.incident(i);
            } catch (RuntimeException e) {
                metrics.sinkFailed("alerts");
            }
        }
    }
}
