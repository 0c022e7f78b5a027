package dev.wslogs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules are read by the names in {@code patterns/index.txt}, not by listing the
 * directory inside the jar: the index must name exactly the rule files, in the order a directory
 * listing is read ({@link RuleSet#readDir}: sorted), so that the rules and their ties are the same.
 */
class RuleSetIndexTest {
    @Test
    void index_namesEveryRuleFileInDirectoryOrder() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("patterns"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().map(p -> p.getFileName().toString()).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        assertThat(RuleSet.builtinNames(RuleSet.class.getClassLoader())).as("patterns/index.txt (update it with the rule files)")
                .containsExactlyElementsOf(files);
    }

    @Test
    void builtinRules_areThoseOfTheDirectory() throws IOException, RuleLoadException {
        List<String> fromDir = RuleSet.readDir(Path.of("patterns")).stream().map(Rule::id).toList();
        List<String> builtin = RuleSet.builtin().rules().stream().map(Rule::id).toList();
        assertThat(builtin).containsExactlyElementsOf(fromDir);
    }
}
