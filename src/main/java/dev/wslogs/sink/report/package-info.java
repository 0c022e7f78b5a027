/**
 * The analysis report: what {@code analyze} prints. {@link dev.wslogs.sink.report.ReportCollector}
 * listens to the pipeline and keeps bounded summaries (counters, top-N, samples); the renderers
 * turn the finished {@link dev.wslogs.sink.report.Report} into text, JSON or JSON lines. Everything
 * taken from a log is escaped before it reaches a terminal.
 */
package dev.wslogs.sink.report;
