package dev.wslogs.cli;

import dev.wslogs.classify.ConfigKnowledge;
import dev.wslogs.classify.RuleLoadException;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.probe.ProbeJson;
import dev.wslogs.probe.ProbeReport;
import dev.wslogs.probe.ProbeRequest;
import dev.wslogs.probe.ProbeResult;
import dev.wslogs.probe.ProbeText;
import dev.wslogs.probe.Prober;
import dev.wslogs.sink.report.JsonReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Performs a real WebSocket handshake to a ws:// or wss:// URL and reports each phase: DNS, TCP connect, "
                + "TLS (protocol, certificate, expiry, verification), the HTTP answer and the validity of Upgrade, Connection and "
                + "Sec-WebSocket-Accept; optionally echoes a message and holds the socket idle to see when and how it is closed.",
            "With --backend, probes the back end directly too and compares (the back end answers 101, nginx answers 400 → "
                + "missing-upgrade-headers)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the upgrade works (and the echo and hold, when asked)", "1:it does not", "2:bad usage"})
public final class ProbeCommand implements Callable<Integer> {
    enum Output { text, json }

    @Parameters(paramLabel = "URL", description = "ws:// or wss:// URL (http:// and https:// are taken as ws:// and wss://).")
    String url;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "Extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "Origin header, e.g. https://example.com.")
    String origin;

    @Option(names = "--subprotocol", paramLabel = "NAME", split = ",", description = "Offer this subprotocol (repeatable or comma-separated).")
    List<String> subprotocols = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Bound for each phase: 10s (default), 500ms, 1m; a bare number is seconds.")
    String timeout = "10s";

    @Option(names = {"-k", "--insecure"}, description = "Go on past a certificate that fails verification (still reported).")
    boolean insecure;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Trust the PEM certificate(s) in FILE instead of the JDK's trust store.")
    Path caFile;

    @Option(names = "--echo", paramLabel = "MESSAGE", description = "Send MESSAGE after the upgrade and expect it back.")
    String echo;

    @Option(names = "--hold", paramLabel = "DURATION", description = "Keep the upgraded socket idle this long (e.g. 90s) and report when and how it was closed.")
    String hold;

    @Option(names = "--backend", paramLabel = "URL", description = "Probe the back end directly too and compare; without a path, the URL's path is used.")
    String backend;

    @Option(names = {"--output", "-O"}, paramLabel = "FORMAT", description = "text (default) or json.")
    Output output = Output.text;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path outputFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProbeRequest req;
        Optional<URI> backendUri;
        try {
            URI front = wsUri(url);
            List<ProbeRequest.Header> hs = new ArrayList<>();
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon <= 0) throw new IllegalArgumentException("--header must be 'Name: value': " + h);
                hs.add(new ProbeRequest.Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
            }
            req = new ProbeRequest(front, hs, Optional.ofNullable(origin), subprotocols, duration("--timeout", timeout), insecure,
                    Optional.ofNullable(caFile), Optional.ofNullable(echo),
                    hold == null ? Optional.empty() : Optional.of(duration("--hold", hold)));
            backendUri = backend == null ? Optional.empty() : Optional.of(backendUri(wsUri(backend), front));
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cacert: cannot read " + caFile);
        }
        Prober prober = new Prober();
        ProbeResult front = prober.probe(req);
        Optional<ProbeResult> back = backendUri.map(u -> prober.probe(req.handshakeOnly().withUrl(u)));
        ProbeReport report = ProbeReport.of(front, back);
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(outputFile == null ? new NonClosingStream(System.out)
                : Files.newOutputStream(outputFile), StandardCharsets.UTF_8))) {
            switch (output) {
                case text -> ProbeText.render(report, RuleSet.builtin(), out);
                case json -> out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ProbeJson.report(report)));
            }
            out.flush();
        } catch (IOException e) {
            System.err.println("wslogs: cannot write " + (outputFile == null ? "output" : outputFile) + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuleLoadException e) {
            System.err.println("wslogs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return report.ok() ? ExitCodes.OK : ExitCodes.INCIDENTS;
    }

    static URI wsUri(String s) throws URISyntaxException {
        URI u = new URI(s);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String mapped = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new IllegalArgumentException("not a ws://, wss://, http:// or https:// URL: " + s);
        };
        if (u.getHost() == null) throw new IllegalArgumentException("no host in " + s);
        return new URI(mapped + s.substring(scheme.length()));
    }

    /** A back end URL without a path takes the probed URL's path and query. */
    static URI backendUri(URI backend, URI front) throws URISyntaxException {
        if (backend.getRawPath() != null && !backend.getRawPath().isEmpty() && !backend.getRawPath().equals("/")) return backend;
        String target = front.getRawPath() == null || front.getRawPath().isEmpty() ? "/" : front.getRawPath();
        if (front.getRawQuery() != null) target += "?" + front.getRawQuery();
        String auth = backend.getRawAuthority();
        return new URI(backend.getScheme() + "://" + auth + target);
    }

    static Duration duration(String option, String value) {
        String v = value.trim();
        long ms = v.matches("\\d+(\\.\\d+)?") ? Math.round(Double.parseDouble(v) * 1000) : ConfigKnowledge.durationMillis(v);
        if (ms <= 0) throw new IllegalArgumentException(option + ": not a positive duration: " + value);
        return Duration.ofMillis(ms);
    }
}
