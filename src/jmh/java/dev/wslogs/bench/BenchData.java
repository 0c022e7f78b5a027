package dev.wslogs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Generated logs for the benchmarks (LogGenerator, seed 42), written once per JVM; public for the package-private stages' benchmarks. */
public final class BenchData {
    public static final int LINES = 20_000;
    private static Path dir;

    private BenchData() {}

    public static synchronized Path dir() throws IOException {
        if (dir == null) {
            Path d = Files.createTempDirectory("wslogs-jmh");
            LogGenerator.generate(42, LINES, d, List.of("extended", "json"));
            dir = d;
        }
        return dir;
    }

    static byte[][] lines(String file) throws IOException {
        String all = new String(Files.readAllBytes(dir().resolve(file)), StandardCharsets.ISO_8859_1);
        String[] ls = all.split("\n");
        byte[][] out = new byte[ls.length][];
        for (int i = 0; i < ls.length; i++) out[i] = ls[i].getBytes(StandardCharsets.ISO_8859_1);
        return out;
    }
}
