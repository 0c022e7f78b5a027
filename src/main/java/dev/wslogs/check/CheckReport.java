package dev.wslogs.check;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking one configuration.
 *
 * @param source    what was read, as named by the user ({@code -} for standard input)
 * @param files     every file read (includes followed)
 * @param locations the locations recognised as carrying real-time traffic, checked
 * @param findings  sorted by file and line
 */
public record CheckReport(String source, boolean dump, List<String> files, List<LocationTraffic> locations,
                          List<Finding> findings) {

    public CheckReport {
        Objects.requireNonNull(source, "source");
        files = List.copyOf(files);
        locations = List.copyOf(locations);
        findings = List.copyOf(findings);
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** Whether any finding is at least as severe as {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
