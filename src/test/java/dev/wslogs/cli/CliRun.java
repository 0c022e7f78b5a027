package dev.wslogs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a wslogs command in-process with {@code -o FILE}, capturing its report, stderr and exit code. */
record CliRun(int code, String out, String err) {
    static CliRun of(Path dir, String... args) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime());
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "-o");
        all.add(2, out.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(all.toArray(String[]::new));
        } finally {
            System.setErr(old);
        }
        return new CliRun(code, Files.exists(out) ? Files.readString(out) : "", err.toString(StandardCharsets.UTF_8));
    }
}
