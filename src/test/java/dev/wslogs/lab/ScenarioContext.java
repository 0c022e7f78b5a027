package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * What a running scenario works with: its directory, its nginx, the resources to stop afterwards
 * (closed in reverse order of registration, whatever happens) and the action bookkeeping.
 */
public final class ScenarioContext implements AutoCloseable {
    private final String scenario;
    private final Path dir;
    private final List<Action> actions = new ArrayList<>();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    ScenarioContext(String scenario, Path dir) {
        this.scenario = scenario;
        this.dir = dir;
    }

    public String scenario() {
        return scenario;
    }

    public Path dir() {
        return dir;
    }

    /** Registers a client action; its tag is unique within the run. */
    public synchronized Action action(String name, String cause) {
        Action a = new Action(scenario, name, cause, actions.size() + 1);
        actions.add(a);
        return a;
    }

    synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    /** Registers something to stop when the run ends (back end, client, nginx). */
    public synchronized <T extends AutoCloseable> T use(T resource) {
        resources.push(resource);
        return resource;
    }

    public NginxInstance nginx(int portCount, Function<NginxPorts, String> http) {
        return use(NginxInstance.start(dir, scenario, portCount, http));
    }

    public NginxInstance nginx(Function<NginxPorts, String> http) {
        return nginx(1, http);
    }

    /** A document root with a page and a script, for the ordinary web traffic mixed into runs. */
    public Path webRoot() {
        Path root = dir.resolve("html");
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("index.html"), "<!doctype html><title>lab</title><script src=app.js></script>\n");
            Files.writeString(root.resolve("app.js"), "new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Waits until error-info.log holds {@code count} lines containing {@code substring}. */
    public void awaitErrorLines(String substring, int count, Duration timeout) {
        Path log = dir.resolve(LabRun.ERROR_INFO);
        Await.until(count + " error.log line(s) containing '" + substring + "' in " + scenario, timeout,
                () -> LabRun.lines(log).stream().filter(l -> l.contains(substring)).count() >= count);
    }

    /** Waits until every action that should have an access line has one (a tunnel logs at close). */
    void awaitAccessLines(Duration timeout) {
        Await.within(timeout, () -> {
            TagLocator locator = new TagLocator(dir.resolve(LabRun.ACCESS_EXTENDED));
            return actions().stream().filter(Action::expectsAccessLine).allMatch(a -> locator.locate(a).isPresent());
        });
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (true) {
            AutoCloseable r;
            synchronized (this) {
                r = resources.poll();
            }
            if (r == null) break;
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) first = new IllegalStateException("closing " + r, e);
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
