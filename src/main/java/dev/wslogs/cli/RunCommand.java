package dev.wslogs.cli;

import dev.wslogs.config.Config;
import dev.wslogs.config.ConfigLoader;
import dev.wslogs.daemon.Daemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"The daemon: follows nginx's logs in real time (through rotation, resuming after a restart), exports "
                + "Prometheus metrics, journals incidents and raises alerts.",
            "SIGTERM stops it cleanly; SIGHUP reloads the config's patterns and alert thresholds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "2:bad configuration or usage"})
public final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_CONFIG = "/etc/wslogs/wslogs.yml";

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config (default " + DEFAULT_CONFIG + ", used when it exists).")
    Path config;

    @Option(names = "--access-log", paramLabel = "PATH", description = "Access log to follow (repeatable; a glob in the file name is allowed).")
    List<String> accessLogs = new ArrayList<>();

    @Option(names = "--error-log", paramLabel = "PATH", description = "Error log to follow (repeatable; globs allowed).")
    List<String> errorLogs = new ArrayList<>();

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "The access log's nginx log_format string.")
    String logFormat;

    @Option(names = "--nginx-conf", paramLabel = "FILE", description = "nginx.conf or 'nginx -T' dump: log formats, locations, timeouts.")
    String nginxConf;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Checkpoints and the incident journal (default " + Config.DEFAULT_STATE_DIR + ").")
    String stateDir;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Metrics and health endpoint (default " + Config.DEFAULT_LISTEN + ").")
    String listen;

    @Option(names = "--from-start", description = "Read files seen for the first time from their start (default: from their end).")
    boolean fromStart;

    @Option(names = "--patterns", paramLabel = "DIR", description = "Extra or overriding rule files.")
    String patterns;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Zone of error.log timestamps (default: this machine's).")
    String timezone;

    @Override
    public Integer call() throws Exception {
        Config base;
        Path file = config;
        try {
            if (file == null && Files.isRegularFile(Path.of(DEFAULT_CONFIG))) file = Path.of(DEFAULT_CONFIG);
            base = file == null ? Config.defaults() : ConfigLoader.load(file);
        } catch (ConfigLoader.ConfigException e) {
            System.err.println("wslogs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Config c = new Config(
                accessLogs.isEmpty() ? base.accessLogs() : accessLogs,
                errorLogs.isEmpty() ? base.errorLogs() : errorLogs,
                logFormat != null ? logFormat : base.logFormat(),
                nginxConf != null ? nginxConf : base.nginxConf(),
                stateDir != null ? stateDir : base.stateDir(),
                listen != null ? listen : base.listen(),
                fromStart || base.fromStart(),
                base.pollIntervalMs(), base.rotationGraceSeconds(), base.readTimeoutsSeconds(), base.wsPaths(),
                patterns != null ? patterns : base.patternsDir(), timezone != null ? timezone : base.timezone(), base.journal(), base.alerts());
        List<String> problems = c.validate();
        if (!problems.isEmpty()) {
            System.err.println("wslogs: " + String.join("; ", problems));
            return ExitCodes.USAGE;
        }
        Daemon d = new Daemon(c, System.err::println, InstantSource.system());
        d.configFile(file);
        try {
            d.start();
        } catch (Exception e) {
            System.err.println("wslogs: cannot start: " + e.getMessage());
            d.close();
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            d.stop();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wslogs-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Signals.onHangup(d::reload);
        try {
            d.runLoop();
        } finally {
            d.close();
            System.err.println("wslogs: stopped");
            stopped.countDown();
        }
        return ExitCodes.OK;
    }
}
