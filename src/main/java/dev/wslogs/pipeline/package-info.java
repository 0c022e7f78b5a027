/**
 * Wires the stages: sources → parse → correlate → classify → sinks. There is one processing path;
 * {@code analyze} replays files to their end and the daemon follows them, both through
 * {@link dev.wslogs.pipeline.Pipeline}. The pipeline never reads the wall clock: windows close on log
 * time, so a replay an hour later gives the same answer.
 */
package dev.wslogs.pipeline;
