package dev.wslogs.sink.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wslogs.config.Config;
import dev.wslogs.model.Incident;
import dev.wslogs.sink.report.JsonReport;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts incidents per cause in a sliding window of log time; when a cause reaches its threshold
 * it fires once, then stays quiet for {@code min_interval_seconds} (log time) for that cause.
 * Firing never blocks: the webhook runs on its own thread (see {@link Webhook}).
 *
 * <p>Payload (also the alert line):
 * {@code {"alert":"wslogs","cause":…,"count":…,"window_seconds":…,"threshold":…,"first":…,"last":…,
 * "sample_incident":{…incident…},"host":…}}
 */
public final class AlertSink implements AutoCloseable {
    private volatile Config.AlertConfig cfg;
    private final Consumer<String> log;
    private final Webhook webhook;
    private final String host;
    private final Map<String, ArrayDeque<Long>> windows = new HashMap<>();
    private final Map<String, Long> lastFired = new HashMap<>();
    private long fired;

    public AlertSink(Config.AlertConfig cfg, Consumer<String> log, Webhook webhook, String host) {
        this.cfg = cfg;
        this.log = log;
        this.webhook = webhook;
        this.host = host;
    }

    public void incident(Incident i) {
        long t = i.time().toInstant().toEpochMilli();
        long window = cfg.windowSeconds() * 1000L;
        ArrayDeque<Long> w = windows.computeIfAbsent(i.cause(), c -> new ArrayDeque<>());
        w.addLast(t);
        while (!w.isEmpty() && w.peekFirst() < t - window) w.pollFirst();
        int threshold = cfg.thresholdFor(i.cause());
        if (w.size() < threshold) return;
        Long last = lastFired.get(i.cause());
        if (last != null && t - last < cfg.minIntervalSeconds() * 1000L) return;
        lastFired.put(i.cause(), t);
        fired++;
        ObjectNode payload = JsonReport.MAPPER.createObjectNode();
        payload.put("alert", "wslogs");
        payload.put("host", host);
        payload.put("cause", i.cause());
        payload.put("count", w.size());
        payload.put("window_seconds", cfg.windowSeconds());
        payload.put("threshold", threshold);
        payload.put("first", DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.ofEpochMilli(w.peekFirst())));
        payload.put("last", DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.ofEpochMilli(w.peekLast())));
        payload.set("sample_incident", JsonReport.incident(i));
        String json = payload.toString();
        log.accept("wslogs ALERT " + i.cause() + ": " + w.size() + " incidents in " + cfg.windowSeconds() + " s (threshold "
                + threshold + ") " + json);
        if (webhook != null) webhook.send(json);
    }

    /** New thresholds and window (a reload); the webhook address is fixed until a restart. */
    public void setConfig(Config.AlertConfig cfg) {
        this.cfg = cfg;
    }

    public long fired() {
        return fired;
    }

    @Override
    public void close() {
        if (webhook != null) webhook.close();
    }
}
