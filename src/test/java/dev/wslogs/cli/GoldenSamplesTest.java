package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden tests: `analyze` over the committed sample logs (real nginx output) must give exactly the
 * committed report. After an intended change, regenerate with
 * {@code mvn test -Dtest=GoldenSamplesTest -Dwslogs.golden.update=true} and review the diff.
 */
class GoldenSamplesTest {
    private static final boolean UPDATE = Boolean.getBoolean("wslogs.golden.update");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "extended-info.jsonl, jsonl, samples/access-extended.log samples/error-info.log",
        "json-error.jsonl, jsonl, samples/access-json.log samples/error.log",
        "combined-info.jsonl, jsonl, samples/access-combined.log samples/error-info.log",
        "extended-info.txt, text, samples/access-extended.log samples/error-info.log",
    })
    void samples_matchGolden(String golden, String output, String inputs) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--no-color", "-O", output, "-o", out.toString()));
        args.addAll(List.of(inputs.split(" ")));
        int code = Main.run(args.toArray(String[]::new));
        assertThat(code).isEqualTo(ExitCodes.INCIDENTS);
        String actual = Files.readString(out, StandardCharsets.UTF_8);
        Path file = Path.of("src/test/resources/golden", golden);
        if (UPDATE) Files.writeString(file, actual, StandardCharsets.UTF_8);
        assertThat(file).as("golden file missing: run with -Dwslogs.golden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
