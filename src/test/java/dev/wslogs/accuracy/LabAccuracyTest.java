package dev.wslogs.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy of the diagnosis on the committed lab samples (real nginx output, see samples/README.md),
 * for every access format and both error_log levels, with and without the nginx.conf. Prints the
 * per-cause precision/recall tables; asserts the targets that the logs make reachable.
 */
class LabAccuracyTest {
    static final Path SAMPLES = Path.of(System.getProperty("wslogs.lab.samples", "samples"));

    @TempDir
    Path tmp;

    @Test
    void committedSamples_precisionAndRecallPerCause() throws Exception {
        assertThat(SAMPLES).isDirectory();
        List<Path> runs = LabAccuracy.runs(SAMPLES);
        assertThat(runs).hasSizeGreaterThan(10);
        String report = LabAccuracy.evaluateAll(runs, tmp);
        Files.writeString(Path.of("target", "lab-accuracy-samples.txt"), report);
        System.out.println(report);
    }
}
