package dev.wslogs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario against the real nginx (concurrently, once per JVM) and asserts, per run and
 * per labelled action, that nginx wrote what the label says. A failure here means the lab drifted
 * from nginx's real behaviour, or nginx's behaviour changed.
 */
class LabScenariosIT {
    @TestFactory
    Stream<DynamicTest> everyRun_leavesItsFilesAndAgreeingAccessLogs() {
        return LabSuite.runs().values().stream().map(run -> DynamicTest.dynamicTest(run.scenario() + "_filesAndAgreement", () -> {
            List<String> problems = new ArrayList<>(LabRunCheck.agreementProblems(run));
            run.failure().ifPresent(t -> problems.add("scenario failed: " + t));
            assertThat(problems).isEmpty();
            assertThat(run.labels()).isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyAction_producedWhatItsLabelSays() {
        return LabSuite.runs().values().stream().flatMap(run -> run.labels().stream().map(label ->
                DynamicTest.dynamicTest(run.scenario() + "_" + label.action(), () ->
                        assertThat(LabRunCheck.labelProblems(run, label)).isEmpty())));
    }
}
