package dev.wslogs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The committed {@code samples/}: regenerated from the lab when {@code -Dwslogs.samples.out=DIR} is
 * given (relative to the project; otherwise the set goes to {@code target/lab-samples}), and in
 * every build checked against their own labels with the same checks the live runs get, so a hand
 * edit or a stale label fails the build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabSamplesIT {
    private static final Path REPO = Path.of(System.getProperty("wslogs.repo", ".")).toAbsolutePath();

    @Test
    @Order(1)
    void samplesOutProperty_writesPerScenarioAndCombinedSets() throws IOException {
        String out = System.getProperty("wslogs.samples.out", "");
        Path target = out.isBlank() ? REPO.resolve("target/lab-samples") : REPO.resolve(out);
        List<LabRun> runs = List.copyOf(LabSuite.runs().values());
        SampleSet.write(runs, target);
        for (LabRun r : runs) assertThat(LabRunCheck.problems(fromDisk(target.resolve(r.scenario())))).isEmpty();
        assertThat(combinedProblems(target)).isEmpty();
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> committedSamples_matchTheirLabels() throws IOException {
        Path samples = REPO.resolve("samples");
        assertThat(samples.resolve(LabRun.LABELS)).as("committed samples").exists();
        try (Stream<Path> dirs = Files.list(samples)) {
            List<Path> scenarios = dirs.filter(d -> Files.exists(d.resolve(LabRun.LABELS))).sorted().toList();
            Stream<DynamicTest> perScenario = scenarios.stream().map(d -> DynamicTest.dynamicTest(
                    d.getFileName() + "_matchesItsLabels", () -> assertThat(LabRunCheck.problems(fromDisk(d))).isEmpty()));
            return Stream.concat(perScenario, Stream.of(DynamicTest.dynamicTest("combined_matchesItsLabels",
                    () -> assertThat(combinedProblems(samples)).isEmpty())));
        }
    }

    /** A sample directory seen as a run: its labels come from its labels.jsonl. */
    private static LabRun fromDisk(Path dir) {
        return new LabRun(dir.getFileName().toString(), dir, LabelsFile.read(dir.resolve(LabRun.LABELS)), Optional.empty());
    }

    /** The combined set mixes scenarios: check line agreement and each label's access status. */
    private static List<String> combinedProblems(Path dir) {
        LabRun combined = fromDisk(dir);
        List<String> problems = new java.util.ArrayList<>(LabRunCheck.agreementProblems(combined));
        List<String> extended = LabRun.lines(combined.accessExtended());
        for (Label l : combined.labels()) {
            if (l.accessLine() == null) continue;
            String line = extended.get(l.accessLine() - 1);
            Optional<AccessLine> a = AccessLine.parse(line);
            if (a.isEmpty() || a.get().status() != l.expectStatus() || (l.tag() != null && !line.contains(l.tag() + " ")
                    && !line.contains(l.tag() + "&"))) {
                problems.add("combined label " + l.scenario() + "/" + l.action() + " does not match line " + l.accessLine());
            }
        }
        return problems;
    }
}
