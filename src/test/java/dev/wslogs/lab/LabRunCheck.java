package dev.wslogs.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asserts that a run's logs say what its labels intend: the access status on the labelled line, the
 * error.log message at the documented level in error-info.log (joined on PID + connection number
 * when the request has an access line), its presence in error.log exactly when the level is at
 * least {@code error}, and that the three access logs carry the same request on every line.
 * Returns problems as text so one report lists them all.
 */
public final class LabRunCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabRun run;
    private final List<String> extended;
    private final List<ErrorLine> errorInfo;
    private final List<String> errorDefault;

    private LabRunCheck(LabRun run) {
        this.run = run;
        this.extended = LabRun.lines(run.accessExtended());
        this.errorInfo = LabRun.lines(run.errorInfo()).stream().map(ErrorLine::parse).flatMap(Optional::stream).toList();
        this.errorDefault = LabRun.lines(run.error());
    }

    public static List<String> problems(LabRun run) {
        LabRunCheck c = new LabRunCheck(run);
        List<String> problems = new ArrayList<>(c.runProblems());
        problems.addAll(c.agreementProblems());
        for (Label l : run.labels()) problems.addAll(c.labelProblems(l));
        return problems;
    }

    public static List<String> labelProblems(LabRun run, Label label) {
        return new LabRunCheck(run).labelProblems(label);
    }

    public static List<String> agreementProblems(LabRun run) {
        return new LabRunCheck(run).agreementProblems();
    }

    private List<String> runProblems() {
        List<String> p = new ArrayList<>();
        run.failure().ifPresent(t -> {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            p.add(run.scenario() + ": scenario failed: " + w);
        });
        for (String f : LabRun.FILES) {
            if (!Files.exists(run.dir().resolve(f))) p.add(run.scenario() + ": missing " + f);
        }
        return p;
    }

    /** Line N of the combined, extended and JSON logs is the same request. */
    private List<String> agreementProblems() {
        List<String> p = new ArrayList<>();
        List<String> combined = LabRun.lines(run.accessCombined());
        List<String> json = LabRun.lines(run.accessJson());
        if (combined.size() != extended.size() || json.size() != extended.size()) {
            p.add(run.scenario() + ": access logs differ in length: combined " + combined.size() + ", extended "
                    + extended.size() + ", json " + json.size());
            return p;
        }
        for (int i = 0; i < extended.size(); i++) {
            Optional<AccessLine> c = AccessLine.parse(combined.get(i));
            Optional<AccessLine> e = AccessLine.parse(extended.get(i));
            if (c.isEmpty() || e.isEmpty()) {
                p.add(run.scenario() + ": line " + (i + 1) + " does not parse");
                continue;
            }
            if (!c.get().request().equals(e.get().request()) || c.get().status() != e.get().status()
                    || !c.get().timeLocal().equals(e.get().timeLocal())) {
                p.add(run.scenario() + ": line " + (i + 1) + " differs between combined and extended");
            }
            p.addAll(jsonAgreement(i + 1, json.get(i), e.get()));
        }
        return p;
    }

    private List<String> jsonAgreement(int lineNo, String jsonLine, AccessLine e) {
        try {
            JsonNode n = JSON.readTree(jsonLine);
            boolean same = n.path("status").asText().equals(String.format("%03d", e.status()))
                    && n.path("time_local").asText().equals(e.timeLocal())
                    && n.path("remote_addr").asText().equals(e.remoteAddr())
                    && n.path("connection").asText().equals(Long.toString(e.connection()))
                    && (!e.request().matches("[\\x20-\\x7e]*") || e.request().contains("\\x")
                            || n.path("request").asText().equals(e.request()));
            return same ? List.of() : List.of(run.scenario() + ": json line " + lineNo + " is not the same request");
        } catch (IOException ex) {
            return List.of(run.scenario() + ": json line " + lineNo + " is not JSON: " + ex.getMessage());
        }
    }

    private List<String> labelProblems(Label l) {
        String who = run.scenario() + "/" + l.action() + ": ";
        List<String> p = new ArrayList<>();
        Optional<AccessLine> access = Optional.empty();
        if (l.accessLine() != null) {
            if (l.accessLine() < 1 || l.accessLine() > extended.size()) return List.of(who + "access line " + l.accessLine() + " out of range");
            access = AccessLine.parse(extended.get(l.accessLine() - 1));
            if (access.isEmpty()) return List.of(who + "access line does not parse");
            if (!Objects.equals(l.expectStatus(), access.get().status())) {
                p.add(who + "expected status " + l.expectStatus() + " but nginx logged " + access.get().status()
                        + " in: " + extended.get(l.accessLine() - 1));
            }
        } else if (l.expectStatus() != null) {
            p.add(who + "expected an access line with status " + l.expectStatus() + " but nginx wrote none");
        } else if (l.tag() != null && new TagLocator(run.accessExtended()).find(l.tag()).isPresent()) {
            p.add(who + "expected no access line, but nginx wrote one");
        }
        p.addAll(errorProblems(who, l, access));
        return p;
    }

    private List<String> errorProblems(String who, Label l, Optional<AccessLine> access) {
        List<ErrorLine> candidates = access.map(a -> errorInfo.stream()
                        .filter(e -> e.pid() == a.pid() && e.connection() == a.connection() && !e.belongsToOtherRequest(l.tag()))
                        .toList())
                .orElse(errorInfo);
        if (l.expectError() == null) {
            if (access.isEmpty()) return List.of();
            return candidates.stream().filter(e -> e.level().visibleAtDefaultLevel())
                    .map(e -> who + "expected no error, but nginx logged: " + e.raw()).toList();
        }
        Level level = l.level().orElseThrow();
        List<ErrorLine> matches = candidates.stream()
                .filter(e -> e.level() == level && e.message().contains(l.expectError())).toList();
        long wanted = access.isPresent() ? 1 : run.labels().stream()
                .filter(o -> o.accessLine() == null && l.expectError().equals(o.expectError())
                        && Objects.equals(o.expectErrorLevel(), l.expectErrorLevel())).count();
        if (matches.size() < wanted) {
            return List.of(who + "expected [" + level.label() + "] '" + l.expectError() + "' (" + wanted
                    + "x) in error-info.log; nginx wrote for it: " + candidates.stream().map(ErrorLine::raw).toList());
        }
        List<String> p = new ArrayList<>();
        for (ErrorLine m : matches) {
            boolean inDefault = errorDefault.contains(m.raw());
            if (level.visibleAtDefaultLevel() != inDefault) {
                p.add(who + (inDefault ? "unexpectedly" : "not") + " in error.log (default level): " + m.raw());
            }
        }
        return p;
    }
}
