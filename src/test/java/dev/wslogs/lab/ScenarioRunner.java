package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs scenarios concurrently, each into {@code root/<name>/}, and leaves the labelled files there.
 * Scenarios mostly wait on sockets and timers, so one thread each is right even on two cores; the
 * slowest (nginx's default 60 s read timeout) bounds the wall time.
 */
public final class ScenarioRunner {
    private static final Duration ACCESS_LINE_TIMEOUT = Duration.ofSeconds(20);

    private ScenarioRunner() {}

    public static List<LabRun> runAll(Path root, List<Scenario> scenarios) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, scenarios.size()), r -> {
            Thread t = new Thread(r, "lab-scenario");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<LabRun>> futures = new ArrayList<>();
            for (Scenario s : scenarios) futures.add(pool.submit(() -> runOne(root, s)));
            List<LabRun> runs = new ArrayList<>();
            for (Future<LabRun> f : futures) runs.add(f.get());
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public static LabRun runOne(Path root, Scenario scenario) {
        Path dir = root.resolve(scenario.name());
        recreate(dir);
        Throwable failure = null;
        ScenarioContext ctx = new ScenarioContext(scenario.name(), dir);
        try {
            scenario.run(ctx);
            ctx.awaitAccessLines(ACCESS_LINE_TIMEOUT);
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                ctx.close();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        List<Label> labels = resolve(ctx.actions(), dir);
        LabelsFile.write(dir.resolve(LabRun.LABELS), labels);
        return new LabRun(scenario.name(), dir, labels, Optional.ofNullable(failure));
    }

    /** Turns intent into labels; the only thing taken from the logs is where the tagged line is. */
    private static List<Label> resolve(List<Action> actions, Path dir) {
        TagLocator locator = new TagLocator(dir.resolve(LabRun.ACCESS_EXTENDED));
        return actions.stream().map(a -> {
            OptionalInt line = a.expectsAccessLine() ? locator.locate(a) : OptionalInt.empty();
            return a.toLabel(line.isPresent() ? line.getAsInt() : null);
        }).toList();
    }

    private static void recreate(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
