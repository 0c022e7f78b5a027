package dev.wslogs.cli;

import dev.wslogs.check.CheckJson;
import dev.wslogs.check.CheckOptions;
import dev.wslogs.check.CheckReport;
import dev.wslogs.check.CheckText;
import dev.wslogs.check.ConfigChecker;
import dev.wslogs.check.SarifWriter;
import dev.wslogs.check.Severity;
import dev.wslogs.classify.RuleLoadException;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.nginxconf.NginxConfException;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.NginxConfigReader;
import dev.wslogs.sink.report.JsonReport;
import dev.wslogs.sink.report.Terminal;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Checks an nginx.conf or an 'nginx -T' dump (includes followed) for the settings that break "
                + "WebSocket, long-polling and streaming locations. Each finding names file:line, the cause id, a severity, "
                + "what it does and the fix.",
            "FILE defaults to /etc/nginx/nginx.conf; - reads standard input (e.g. nginx -T | wslogs check-config -)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-level", "1:findings", "2:bad usage or unreadable configuration"})
public final class CheckConfigCommand implements Callable<Integer> {
    enum Output { text, json, sarif }

    enum Level { error, warning, note }

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "nginx.conf, an 'nginx -T' dump, or - for standard input.")
    String file = "/etc/nginx/nginx.conf";

    @Option(names = {"--output", "-O"}, paramLabel = "FORMAT", description = "text (default), json or sarif (SARIF 2.1.0).")
    Output output = Output.text;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path outputFile;

    @Option(names = "--ws-path", paramLabel = "PATH",
            description = "A request path that carries WebSockets (e.g. one the logs show upgrading); the location serving "
                    + "it is checked (repeatable).")
    List<String> wsPaths = new ArrayList<>();

    @Option(names = "--expected-idle", paramLabel = "DURATION",
            description = "Longest time a WebSocket stays silent in normal use, nginx syntax (default 60s): a "
                    + "proxy_read_timeout at or below it is reported.")
    String expectedIdle = "60s";

    @Option(names = "--fail-level", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at least this severe: error, warning (default) or note.")
    Level failLevel = Level.warning;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long idle = dev.wslogs.classify.ConfigKnowledge.durationMillis(expectedIdle);
        if (idle < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--expected-idle: not an nginx time: " + expectedIdle);
        for (String p : wsPaths) {
            if (!p.startsWith("/")) throw new CommandLine.ParameterException(spec.commandLine(), "--ws-path must start with /: " + p);
        }
        NginxConfig conf;
        try {
            conf = file.equals("-") ? NginxConfigReader.read(new InputStreamReader(System.in, StandardCharsets.UTF_8), "-")
                    : NginxConfigReader.read(Path.of(file));
        } catch (IOException | NginxConfException | IllegalArgumentException e) {
            System.err.println("wslogs: " + Terminal.safe(file) + ": " + Terminal.safe(String.valueOf(e.getMessage())));
            return ExitCodes.USAGE;
        }
        CheckReport report = new ConfigChecker(conf, new CheckOptions(idle, wsPaths, CheckOptions.DEFAULTS.minBodyBytes())).check();
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(outputFile == null ? new NonClosingStream(System.out)
                : Files.newOutputStream(outputFile), StandardCharsets.UTF_8))) {
            switch (output) {
                case text -> CheckText.render(report, out);
                case json -> out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(CheckJson.report(report)));
                case sarif -> out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(SarifWriter.sarif(report, RuleSet.builtin(), version())));
            }
            out.flush();
        } catch (IOException e) {
            System.err.println("wslogs: cannot write " + (outputFile == null ? "output" : outputFile) + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuleLoadException e) {
            System.err.println("wslogs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return report.failsAt(Severity.valueOf(failLevel.name().toUpperCase(java.util.Locale.ROOT))) ? ExitCodes.INCIDENTS : ExitCodes.OK;
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }
}
