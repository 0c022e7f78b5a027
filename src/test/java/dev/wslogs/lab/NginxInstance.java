package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One real nginx master (+ its worker) running from a private prefix directory on loopback ports.
 * Started as {@code nginx -p DIR -c DIR/nginx.conf -e DIR/startup.log -g 'daemon off;'} so nothing
 * touches /etc/nginx or /var/log/nginx, not even before the config is read. {@link #close()} stops
 * it gracefully (so every open request is logged) and forcibly if that does not finish in time.
 */
public final class NginxInstance implements AutoCloseable {
    public static final Path BINARY = Path.of(System.getProperty("wslogs.nginx", "/usr/sbin/nginx"));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;

    private final Path dir;
    private final NginxPorts ports;
    private final Process process;

    private NginxInstance(Path dir, NginxPorts ports, Process process) {
        this.dir = dir;
        this.ports = ports;
        this.process = process;
    }

    /**
     * Writes {@code nginx.conf} for fresh ports and starts nginx, retrying with other ports when a
     * port was taken by someone else between allocation and bind.
     *
     * @param http the scenario's {@code http {}} content for the given ports
     */
    public static NginxInstance start(Path dir, String scenario, int portCount, Function<NginxPorts, String> http) {
        requireBinary();
        for (int attempt = 1; ; attempt++) {
            NginxPorts ports = NginxPorts.allocate(portCount);
            NginxInstance nginx = launch(dir, NginxConfig.render(scenario, http.apply(ports)), ports);
            String startup = nginx.await();
            if (startup.isEmpty()) return nginx;
            nginx.close();
            if (!startup.contains("Address already in use") || attempt == START_ATTEMPTS) {
                throw new AssertionError("nginx did not start for " + scenario + ": " + startup);
            }
            deleteLogs(dir); // the next attempt's logs hold only its own run, as the scenario's labels expect
        }
    }

    private static void deleteLogs(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f) && f.getFileName().toString().endsWith(".log")) Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireBinary() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("nginx not found at " + BINARY
                    + ": the lab needs the real nginx (install nginx-light, see scripts/install-deps.sh)");
        }
    }

    static NginxInstance launch(Path dir, String config, NginxPorts ports) {
        try {
            Files.createDirectories(dir.resolve("temp"));
            Files.writeString(dir.resolve("nginx.conf"), config);
            Process p = new ProcessBuilder(command(dir, "-g", "daemon off;"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.stdout").toFile())
                    .start();
            return new NginxInstance(dir, ports, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(Path dir, String... extra) {
        var cmd = new java.util.ArrayList<>(List.of(BINARY.toString(), "-p", dir + "/", "-c",
                dir.resolve("nginx.conf").toString(), "-e", dir.resolve("startup.log").toString()));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /**
     * Waits until nginx has bound every port and every port accepts; returns "" when ready, else
     * what nginx said. A port someone else listens on accepts too, while nginx retries its bind (5
     * times, 500 ms apart, then exits): so first its worker must exist — nginx forks it only once
     * every listening socket is open — and its logs must show no failed bind, else the run would
     * have begun with another process on its port and an [emerg] line in its error log.
     */
    String await() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (process.children().findAny().isEmpty()) {
            String ended = gaveUp(deadline, "worker process");
            if (ended != null) return ended;
        }
        String failed = bindFailures();
        if (!failed.isEmpty()) return failed;
        for (int port : ports.ports()) {
            while (!accepts(port)) {
                String ended = gaveUp(deadline, "port " + port);
                if (ended != null) return ended;
            }
        }
        return "";
    }

    /** One wait of {@link #await} for {@code what}: why it ends (nginx exited, or the deadline passed), or null after a pause to look again. */
    private String gaveUp(long deadline, String what) {
        if (!process.isAlive()) return "exited " + process.exitValue() + ": " + startupLog() + bindFailures();
        if (System.nanoTime() - deadline > 0) return what + " not ready: " + startupLog() + bindFailures();
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        return null;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lines of nginx's own error logs (startup's and the config's) that report a failed bind, or "". */
    private String bindFailures() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("startup.log", "error.log")) {
            Path log = dir.resolve(name);
            try {
                if (!Files.exists(log)) continue;
                for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                    if (line.contains("bind() to") && line.contains("failed")) out.append(out.length() == 0 ? " " : "; ").append(line);
                }
            } catch (IOException e) {
                out.append(' ').append(e);
            }
        }
        return out.toString();
    }

    private String startupLog() {
        try {
            Path log = dir.resolve("startup.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1).strip() : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    public NginxPorts ports() {
        return ports;
    }

    public int port() {
        return ports.main();
    }

    public Path dir() {
        return dir;
    }

    /** {@code nginx -s reopen}: what logrotate's postrotate does. */
    public void reopenLogs() {
        signal("reopen");
    }

    private void signal(String name) {
        try {
            Process p = new ProcessBuilder(command(dir, "-s", name)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("signal.stdout").toFile()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful quit (open requests get their access-log line), then TERM, then KILL. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        try {
            if (process.isAlive()) signal("quit");
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
