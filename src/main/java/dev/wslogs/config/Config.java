package dev.wslogs.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /etc/wslogs/wslogs.yml}. Every field has a default, so an empty file is a valid config
 * (it follows Debian's default nginx log paths).
 */
public record Config(
        @JsonProperty("access_logs") List<String> accessLogs,
        @JsonProperty("error_logs") List<String> errorLogs,
        @JsonProperty("log_format") String logFormat,
        @JsonProperty("nginx_conf") String nginxConf,
        @JsonProperty("state_dir") String stateDir,
        @JsonProperty("listen") String listen,
        @JsonProperty("from_start") Boolean fromStart,
        @JsonProperty("poll_interval_ms") Integer pollIntervalMs,
        @JsonProperty("rotation_grace_seconds") Integer rotationGraceSeconds,
        @JsonProperty("read_timeouts_seconds") List<Double> readTimeoutsSeconds,
        @JsonProperty("ws_paths") List<String> wsPaths,
        @JsonProperty("patterns_dir") String patternsDir,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("journal") JournalConfig journal,
        @JsonProperty("alerts") AlertConfig alerts) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:9827";
    public static final String DEFAULT_STATE_DIR = "/var/lib/wslogs";

    public Config {
        accessLogs = accessLogs == null ? List.of("/var/log/nginx/access.log") : List.copyOf(accessLogs);
        errorLogs = errorLogs == null ? List.of("/var/log/nginx/error.log") : List.copyOf(errorLogs);
        stateDir = stateDir == null ? DEFAULT_STATE_DIR : stateDir;
        listen = listen == null ? DEFAULT_LISTEN : listen;
        fromStart = fromStart != null && fromStart;
        pollIntervalMs = pollIntervalMs == null ? 250 : pollIntervalMs;
        rotationGraceSeconds = rotationGraceSeconds == null ? 5 : rotationGraceSeconds;
        readTimeoutsSeconds = readTimeoutsSeconds == null ? List.of(60.0) : List.copyOf(readTimeoutsSeconds);
        wsPaths = wsPaths == null ? List.of() : List.copyOf(wsPaths);
        journal = journal == null ? new JournalConfig(null) : journal;
        alerts = alerts == null ? new AlertConfig(null, null, null, null, null, null) : alerts;
    }

    public static Config defaults() {
        return new Config(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Incident journal settings. */
    public record JournalConfig(@JsonProperty("retention_days") Integer retentionDays) {
        public JournalConfig {
            retentionDays = retentionDays == null ? 14 : retentionDays;
        }
    }

    /**
     * Alerts for hosts without Prometheus: when a cause's incidents within {@code window_seconds}
     * reach its threshold, log an alert line and POST the webhook (if set).
     *
     * @param thresholds cause id (or {@code default}) → incidents per window
     */
    public record AlertConfig(
            @JsonProperty("window_seconds") Integer windowSeconds,
            @JsonProperty("thresholds") Map<String, Integer> thresholds,
            @JsonProperty("webhook_url") String webhookUrl,
            @JsonProperty("webhook_timeout_seconds") Integer webhookTimeoutSeconds,
            @JsonProperty("webhook_retries") Integer webhookRetries,
            @JsonProperty("min_interval_seconds") Integer minIntervalSeconds) {
        public AlertConfig {
            windowSeconds = windowSeconds == null ? 300 : windowSeconds;
            thresholds = thresholds == null ? Map.of("default", 10) : Map.copyOf(thresholds);
            webhookTimeoutSeconds = webhookTimeoutSeconds == null ? 5 : webhookTimeoutSeconds;
            webhookRetries = webhookRetries == null ? 5 : webhookRetries;
            minIntervalSeconds = minIntervalSeconds == null ? 600 : minIntervalSeconds;
        }

        public int thresholdFor(String cause) {
            Integer t = thresholds.get(cause);
            if (t == null) t = thresholds.get("default");
            return t == null ? Integer.MAX_VALUE : t;
        }
    }

    /** Every problem, so one run fixes them all. */
    public List<String> validate() {
        List<String> p = new ArrayList<>();
        if (accessLogs.isEmpty() && errorLogs.isEmpty()) p.add("access_logs and error_logs are both empty: nothing to follow");
        if (pollIntervalMs < 10 || pollIntervalMs > 60_000) p.add("poll_interval_ms must be within 10..60000, got " + pollIntervalMs);
        if (rotationGraceSeconds < 0 || rotationGraceSeconds > 3600) p.add("rotation_grace_seconds must be within 0..3600");
        if (journal.retentionDays() < 1) p.add("journal.retention_days must be at least 1");
        if (alerts.windowSeconds() < 10) p.add("alerts.window_seconds must be at least 10");
        for (var e : alerts.thresholds().entrySet()) {
            if (e.getValue() == null || e.getValue() < 1) p.add("alerts.thresholds." + e.getKey() + " must be at least 1");
        }
        if (alerts.webhookUrl() != null && !alerts.webhookUrl().matches("https?://.+")) {
            p.add("alerts.webhook_url must be an http:// or https:// URL");
        }
        if (!listen.matches("\\[?[0-9A-Za-z.:-]*]?:\\d{1,5}")) p.add("listen must be HOST:PORT, got " + listen);
        for (double t : readTimeoutsSeconds) if (t <= 0) p.add("read_timeouts_seconds must be positive");
        return p;
    }
}
