package dev.wslogs.sink.report;

import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.pipeline.FileStats;
import java.util.List;
import java.util.Map;

/** A finished analysis, ready to render. */
public record Report(
        List<FileStats> files,
        List<String> notices,
        long accessLines,
        long errorEntries,
        long parseFailures,
        List<ParseFailure> failureSamples,
        long attempts,
        long upgraded,
        long pollingFailures,
        Map<Integer, Long> failedByStatus,
        List<Map.Entry<String, Long>> durationHistogram,
        List<String> timeoutClusters,
        List<Map.Entry<String, Long>> topPaths,
        List<Map.Entry<String, Long>> topClients,
        Map<String, Long> incidentsByCause,
        List<Finding> findings,
        List<Incident> incidents,
        long incidentsTotal,
        List<String> coverage,
        long correlationEvictions,
        long decidedEarly) {}
