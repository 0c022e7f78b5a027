package dev.wslogs.cli;

import dev.wslogs.classify.RuleLoadException;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.model.Incident;
import dev.wslogs.model.LogKind;
import dev.wslogs.classify.ConfigKnowledge;
import dev.wslogs.nginxconf.NginxConfException;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.NginxConfigReader;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.Escape;
import dev.wslogs.parse.JsonAccessFormat;
import dev.wslogs.parse.LogFormatTemplate;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.pipeline.ConfFormats;
import dev.wslogs.pipeline.FileStats;
import dev.wslogs.pipeline.InputPlanner;
import dev.wslogs.pipeline.Pipeline;
import dev.wslogs.pipeline.ReplayDriver;
import dev.wslogs.sink.report.JsonReport;
import dev.wslogs.sink.report.Report;
import dev.wslogs.sink.report.ReportCollector;
import dev.wslogs.sink.report.TextReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Reads nginx access and error logs offline and reports every WebSocket failure with its cause, "
                + "evidence and fix.",
            "Files may be access or error logs (detected from their content), plain or gzip, a rotated series in any "
                + "order (oldest is read first), or - for standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no incident found", "1:incidents found", "2:bad usage or unreadable input"})
public final class AnalyzeCommand implements Callable<Integer> {
    enum Output { text, json, jsonl }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Log files (kind detected from content).")
    List<String> files = new ArrayList<>();

    @Option(names = "--access", paramLabel = "FILE", description = "Read FILE as an access log (repeatable).")
    List<String> accessFiles = new ArrayList<>();

    @Option(names = "--error", paramLabel = "FILE", description = "Read FILE as an error log (repeatable).")
    List<String> errorFiles = new ArrayList<>();

    @Option(names = "--log-format", paramLabel = "FORMAT",
            description = "The access log's nginx log_format string, e.g. '$remote_addr - $remote_user [$time_local] "
                    + "\"$request\" $status ...'. A template that starts with '{' is read as escape=json.")
    String logFormat;

    @Option(names = "--log-format-escape", paramLabel = "MODE", description = "escape= of --log-format: default, json or none.")
    String logFormatEscape;

    @Option(names = "--nginx-conf", paramLabel = "FILE",
            description = "nginx.conf or an 'nginx -T' dump (includes followed): its log_format and access_log directives "
                    + "say which format each access log uses.")
    Path nginxConf;

    @Option(names = {"--output", "-O"}, paramLabel = "FORMAT", description = "text (default), json (the whole report) or jsonl (one incident per line).")
    Output output = Output.text;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path outputFile;

    @Option(names = "--no-color", description = "Never colour the text report (it is coloured only on a terminal anyway).")
    boolean noColor;

    @Option(names = "--ws-path", paramLabel = "PREFIX", description = "Treat requests under PREFIX as WebSocket attempts (repeatable).")
    List<String> wsPaths = new ArrayList<>();

    @Option(names = "--read-timeout", paramLabel = "SECONDS", split = ",",
            description = "proxy_read_timeout values in force (default: nginx's 60). Upgraded connections that end there are idle drops.")
    List<Double> readTimeouts = new ArrayList<>(List.of(60.0));

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "Zone of error.log timestamps (they carry none). Default: the access log's UTC offset, else this machine's zone.")
    String timezone;

    @Option(names = "--patterns", paramLabel = "DIR", description = "Extra or overriding rule files (*.yml, same schema as patterns/).")
    Path patterns;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar on stderr (default: on a terminal for inputs over 8 MB).")
    Boolean progress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        List<InputPlanner.Request> requests = new ArrayList<>();
        for (String f : files) requests.add(new InputPlanner.Request(f, Optional.empty()));
        for (String f : accessFiles) requests.add(new InputPlanner.Request(f, Optional.of(LogKind.ACCESS)));
        for (String f : errorFiles) requests.add(new InputPlanner.Request(f, Optional.of(LogKind.ERROR)));
        if (requests.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "no log files given");
        if (requests.stream().filter(r -> r.name().equals("-")).count() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be given only once");
        }

        // The inputs are planned (opened, kinds and formats detected) while the built-in rules are
        // still being read on their thread (RuleSet.preload); errors keep their order: a broken
        // rule first, then --log-format, --nginx-conf, the inputs.
        String early = null;
        AccessFormat forced = null;
        try {
            forced = forcedFormat();
        } catch (IllegalArgumentException e) {
            early = "wslogs: --log-format: " + e.getMessage();
        }
        Optional<NginxConfig> conf = Optional.empty();
        if (early == null && nginxConf != null) {
            try {
                conf = Optional.of(nginxConf.toString().equals("-")
                        ? NginxConfigReader.read(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8), "-")
                        : NginxConfigReader.read(nginxConf));
            } catch (IOException | NginxConfException | IllegalArgumentException e) {
                early = "wslogs: --nginx-conf " + nginxConf + ": " + e.getMessage();
            }
        }
        InputPlanner.Plan plan = null;
        if (early == null) {
            InputPlanner.FormatChooser chooser;
            AccessFormat given = forced;
            if (given != null) {
                chooser = name -> Optional.of(Map.entry(given, "format given with --log-format"));
            } else if (conf.isPresent()) {
                chooser = new ConfFormats(conf.get());
            } else {
                chooser = name -> Optional.empty();
            }
            plan = InputPlanner.plan(requests, chooser);
        }
        RuleSet rules;
        try {
            rules = RuleSet.load(patterns);
        } catch (RuleLoadException e) {
            err.println("wslogs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (early != null) {
            err.println(early);
            return ExitCodes.USAGE;
        }
        for (String e : plan.errors()) err.println("wslogs: " + e);
        if (!plan.errors().isEmpty()) return ExitCodes.USAGE;
        for (String n : plan.notices()) err.println("wslogs: " + n);

        ZoneId zone = timezone != null ? ZoneId.of(timezone)
                : plan.accessOffsetSeconds().<ZoneId>map(ZoneOffset::ofTotalSeconds).orElse(ZoneId.systemDefault());
        List<Long> timeouts = readTimeouts.stream().map(s -> Math.round(s * 1000)).toList();

        try (OutputStream os = outputFile == null ? new NonClosing(System.out) : Files.newOutputStream(outputFile);
             PrintWriter out = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
            Consumer<Incident> streaming = output == Output.jsonl ? i -> out.println(JsonReport.incidentLine(i)) : i -> {};
            ReportCollector collector = new ReportCollector(rules, streaming);
            Pipeline pipeline = new Pipeline(rules, conf.map(ConfigKnowledge::new), wsPaths, timeouts, zone, collector);
            boolean errorGiven = plan.series().stream().anyMatch(s -> s.get(0).kind() == LogKind.ERROR);
            List<FileStats> stats;
            long total = plan.series().stream().flatMap(List::stream).mapToLong(f -> f.input().sizeBytes()).sum();
            boolean showProgress = progress != null ? progress : (System.console() != null && total > 8L << 20);
            try (Progress bar = showProgress ? new Progress(err, total) : null) {
                LongConsumer p = bar == null ? n -> {} : bar;
                stats = ReplayDriver.run(plan.series(), zone, pipeline, p);
            }
            List<String> clusters = new ArrayList<>();
            for (long[] c : pipeline.classifier().clusters().clusters()) {
                clusters.add(String.format("%d upgraded connections ended %.1f–%.1f s: an idle timeout (proxy_read_timeout?) of %d s",
                        c[1], c[0] / 1000.0, c[0] / 1000.0 + 0.3, c[0] / 1000));
            }
            Report report = collector.finish(stats, limitNotes(plan.notices(), pipeline), clusters, errorGiven, pipeline.correlator().evicted(),
                    pipeline.classifier().decidedEarly());
            switch (output) {
                case text -> new TextReport(out, !noColor && outputFile == null && System.console() != null
                        && System.getenv("NO_COLOR") == null).render(report);
                case json -> out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(JsonReport.report(report)));
                case jsonl -> { }
            }
            out.flush();
            return report.incidentsTotal() > 0 ? ExitCodes.INCIDENTS : ExitCodes.OK;
        } catch (IOException e) {
            err.println("wslogs: cannot write " + (outputFile == null ? "output" : outputFile) + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private AccessFormat forcedFormat() {
        if (logFormat == null) return null;
        Escape esc = logFormatEscape != null ? Escape.parse(logFormatEscape)
                : logFormat.stripLeading().startsWith("{") ? Escape.JSON : Escape.DEFAULT;
        if (esc == Escape.JSON) return JsonAccessFormat.fromTemplate("--log-format", logFormat);
        return new TextAccessFormat("--log-format", LogFormatTemplate.compile(logFormat), esc, false);
    }

    /**
     * The input's notices, then what the analysis had to cut short to stay within its memory bounds
     * — said in the report, because the findings then rest on less than the logs hold.
     */
    private static List<String> limitNotes(List<String> notices, Pipeline pipeline) {
        List<String> out = new ArrayList<>(notices);
        long evicted = pipeline.correlator().evicted();
        if (evicted > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%,d error lines could not wait for their access line (at most %,d lines or %d MB are held)"
                    + " and were diagnosed alone", evicted, Pipeline.MAX_PENDING_ERRORS, dev.wslogs.correlate.Correlator.MAX_HELD_BYTES >> 20));
        }
        long early = pipeline.classifier().decidedEarly();
        if (early > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%,d connections were decided before their %d s wait for a timeout cluster or a session's"
                    + " owner ended (at most %,d or %d MB wait)", early, Pipeline.DEFERRAL_MILLIS / 1000, dev.wslogs.classify.Classifier.MAX_DEFERRED,
                    dev.wslogs.classify.Classifier.MAX_DEFERRED_BYTES >> 20));
        }
        return out;
    }

    /** System.out must stay open for picocli and the JVM after the report. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream o) {
            super(o);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
