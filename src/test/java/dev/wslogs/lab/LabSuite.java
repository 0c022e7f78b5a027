package dev.wslogs.lab;

import dev.wslogs.lab.scenario.Scenarios;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lab's runs, made once per JVM and shared by every test that wants them:
 * {@code LabSuite.run("upstream-reset").errorInfo()}. Runs go to {@code target/lab/<scenario>/}.
 * For development, {@code -Dwslogs.lab.scenarios=healthy,tls} limits the set.
 */
public final class LabSuite {
    private static Map<String, LabRun> runs;

    private LabSuite() {}

    public static synchronized Map<String, LabRun> runs() {
        if (runs == null) {
            Map<String, LabRun> m = new LinkedHashMap<>();
            for (LabRun r : ScenarioRunner.runAll(root(), selected())) m.put(r.scenario(), r);
            runs = m;
        }
        return runs;
    }

    public static LabRun run(String scenario) {
        LabRun r = runs().get(scenario);
        if (r == null) throw new IllegalArgumentException("no lab run named " + scenario + "; have " + runs().keySet());
        return r;
    }

    public static Path root() {
        return Path.of(System.getProperty("wslogs.repo", ".")).toAbsolutePath().resolve("target/lab");
    }

    private static List<Scenario> selected() {
        String only = System.getProperty("wslogs.lab.scenarios", "");
        if (only.isBlank()) return Scenarios.all();
        Set<String> names = Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        return Scenarios.all().stream().filter(s -> names.contains(s.name())).toList();
    }
}
