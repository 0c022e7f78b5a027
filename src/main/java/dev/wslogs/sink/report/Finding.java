package dev.wslogs.sink.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Incidents of one cause on one server and path, summarised for a human.
 *
 * @param sampleIds a few incident ids, for `--output jsonl | grep`
 */
public record Finding(
        String cause,
        String title,
        String server,
        String path,
        long count,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        double confidence,
        List<String> evidence,
        String fix,
        List<String> alternatives,
        List<String> sampleIds) {}
