/**
 * The command line: one picocli class per command, flags turned into pipeline configuration, and
 * exit codes mapped in one place ({@link dev.wslogs.cli.ExitCodes}).
 */
package dev.wslogs.cli;
