package dev.wslogs.cli;

import picocli.CommandLine;

public final class Main {
    static {
        // Chronicle Queue phones home unless told not to, and reads these once when its classes
        // load: set them before anything can touch it.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    private Main() {}

    public static void main(String[] args) {
        var child = BoundedHeap.childCommand(args);
        if (child.isPresent()) {
            int code = BoundedHeap.runChild(child.get());
            if (code >= 0) System.exit(code);
        }
        if (args.length > 0 && (args[0].equals("analyze") || args[0].equals("run"))) dev.wslogs.classify.RuleSet.preload();
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = WslogsCommand.commandLine();
        return cl.execute(args);
    }
}
