package dev.wslogs.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code labels.jsonl}: what a client action was meant to produce. {@code accessLine} is
 * the 1-based line in all three access logs (null when nginx writes none), {@code cause} is a cause
 * id, {@code ok} (healthy WebSocket) or {@code not-websocket} (ordinary web traffic). {@code tag}
 * (the request's {@code lab=} value) and {@code note} are extras beyond the documented contract.
 */
public record Label(
        String scenario,
        String action,
        String cause,
        String tag,
        Integer accessLine,
        Integer expectStatus,
        String expectError,
        String expectErrorLevel,
        String note) {

    public Label {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
    }

    public Optional<Level> level() {
        return Optional.ofNullable(expectErrorLevel).map(Level::of);
    }

    public Label withAccessLine(Integer line) {
        return new Label(scenario, action, cause, tag, line, expectStatus, expectError, expectErrorLevel, note);
    }

    /** Keys in the documented order, nulls kept (a reader can rely on every key being present). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario);
        m.put("action", action);
        m.put("cause", cause);
        m.put("access_line", accessLine);
        m.put("expect_status", expectStatus);
        m.put("expect_error", expectError);
        m.put("expect_error_level", expectErrorLevel);
        m.put("tag", tag);
        m.put("note", note);
        return m;
    }

    public static Label fromJsonMap(Map<String, Object> m) {
        return new Label((String) m.get("scenario"), (String) m.get("action"), (String) m.get("cause"),
                (String) m.get("tag"), (Integer) m.get("access_line"), (Integer) m.get("expect_status"),
                (String) m.get("expect_error"), (String) m.get("expect_error_level"), (String) m.get("note"));
    }
}
