package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one scenario run left behind: its directory with the logs nginx wrote, the config it ran
 * and the labels. {@code failure} is set when the scenario itself threw (the files may then be
 * incomplete); {@link LabRunCheck} turns that into a test failure.
 */
public record LabRun(String scenario, Path dir, List<Label> labels, Optional<Throwable> failure) {
    public static final String ACCESS_COMBINED = "access-combined.log";
    public static final String ACCESS_EXTENDED = "access-extended.log";
    public static final String ACCESS_JSON = "access-json.log";
    public static final String ERROR_INFO = "error-info.log";
    public static final String ERROR = "error.log";
    public static final String NGINX_CONF = "nginx.conf";
    public static final String LABELS = "labels.jsonl";
    /** The files every run leaves, in the order samples list them. */
    public static final List<String> FILES =
            List.of(ACCESS_COMBINED, ACCESS_EXTENDED, ACCESS_JSON, ERROR_INFO, ERROR, NGINX_CONF, LABELS);

    public LabRun {
        labels = List.copyOf(labels);
    }

    public Path accessCombined() {
        return dir.resolve(ACCESS_COMBINED);
    }

    public Path accessExtended() {
        return dir.resolve(ACCESS_EXTENDED);
    }

    public Path accessJson() {
        return dir.resolve(ACCESS_JSON);
    }

    public Path errorInfo() {
        return dir.resolve(ERROR_INFO);
    }

    public Path error() {
        return dir.resolve(ERROR);
    }

    public Path nginxConf() {
        return dir.resolve(NGINX_CONF);
    }

    public Path labelsFile() {
        return dir.resolve(LABELS);
    }

    /**
     * A log's physical lines, bytes kept one-to-one as chars (nginx may log raw non-UTF-8 bytes).
     * Split on LF only: nginx ends lines with LF, and a raw CR inside a logged binary request line
     * is part of the line.
     */
    public static List<String> lines(Path file) {
        try {
            if (!Files.exists(file)) return List.of();
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            if (text.isEmpty()) return List.of();
            if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
            return List.of(text.split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Label> labelsFor(String cause) {
        return labels.stream().filter(l -> l.cause().equals(cause)).toList();
    }

    public Label label(String action) {
        return labels.stream().filter(l -> l.action().equals(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(scenario + " has no action " + action));
    }
}
