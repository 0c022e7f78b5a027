package dev.wslogs.cli;

/** The documented exit codes (README, "Exit codes"). */
public final class ExitCodes {
    /** Nothing wrong found. */
    public static final int OK = 0;
    /** Incidents found. */
    public static final int INCIDENTS = 1;
    /** Bad usage, or an input that cannot be read. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
