package dev.wslogs.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.lab.LabRun;
import dev.wslogs.lab.LabSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnosis against what the real nginx wrote in this very build: every labelled connection of
 * every lab scenario, in three formats, at both error_log levels, with and without nginx.conf.
 */
class LabAccuracyIT {
    @TempDir
    Path tmp;

    @Test
    void freshLabRuns_meetTheAccuracyTargets() throws Exception {
        List<Path> runs = LabSuite.runs().values().stream().map(LabRun::dir).sorted().toList();
        assertThat(runs).hasSizeGreaterThan(10);
        for (LabRun r : LabSuite.runs().values()) assertThat(r.failure()).as(r.scenario()).isEmpty();
        String report = LabAccuracy.evaluateAll(runs, tmp);
        Files.writeString(Path.of("target", "lab-accuracy.txt"), report);
        System.out.println(report);
    }
}
