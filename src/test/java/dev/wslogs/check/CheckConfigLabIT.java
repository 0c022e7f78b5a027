package dev.wslogs.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.lab.LabRun;
import dev.wslogs.lab.LabSuite;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * check-config over the configurations a fresh lab run really started nginx with (not the committed
 * copies): the same rule ids per scenario as {@link CheckConfigSamplesTest}, healthy clean.
 */
class CheckConfigLabIT {
    @Test
    void everyFreshLabConfig_hasTheExpectedRuleIds() throws Exception {
        Map<String, LabRun> runs = LabSuite.runs();
        assertThat(runs.keySet()).containsAll(CheckConfigSamplesTest.EXPECTED.keySet());
        for (LabRun run : runs.values()) {
            CheckReport r = CheckConfigSamplesTest.check(run.nginxConf());
            Set<String> ids = r.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).map(Finding::ruleId)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(ids).as(run.scenario() + ": " + r.findings())
                    .isEqualTo(new TreeSet<>(CheckConfigSamplesTest.EXPECTED.get(run.scenario())));
        }
    }
}
