package dev.wslogs.check;

import dev.wslogs.sink.report.Terminal;
import java.io.PrintWriter;

/** The text report of {@code check-config}: one block per finding, then the locations checked. */
public final class CheckText {
    private CheckText() {}

    public static void render(CheckReport r, PrintWriter out) {
        for (Finding f : r.findings()) {
            out.println(Terminal.safe(f.where().toString()) + ": " + f.severity().sarifLevel() + " [" + f.ruleId() + "] "
                    + Terminal.safe(f.context()));
            out.println("  " + Terminal.safe(f.message()));
            out.println("  fix:");
            for (String line : f.fix().split("\n", -1)) out.println("    " + Terminal.safe(line));
            out.println();
        }
        out.println("Checked " + r.locations().size() + " WebSocket/streaming location" + (r.locations().size() == 1 ? "" : "s")
                + " in " + r.files().size() + " file" + (r.files().size() == 1 ? "" : "s") + " (" + Terminal.safe(r.source())
                + (r.dump() ? ", nginx -T dump" : "") + "):");
        for (LocationTraffic t : r.locations()) {
            out.println("  " + Terminal.safe(t.location().where().toString()) + "  " + Terminal.safe(t.label()) + "  ("
                    + Terminal.safe(String.join(", ", t.why())) + ")");
        }
        if (r.findings().isEmpty()) {
            out.println("No findings.");
        } else {
            out.println(r.findings().size() + " finding" + (r.findings().size() == 1 ? "" : "s") + ": " + r.count(Severity.ERROR)
                    + " error(s), " + r.count(Severity.WARNING) + " warning(s), " + r.count(Severity.NOTE) + " note(s)");
        }
        out.flush();
    }
}
