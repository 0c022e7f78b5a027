/**
 * nginx syntax: access-log formats compiled once from {@code log_format} templates (text with
 * default/none escaping, or {@code escape=json}), format detection, timestamps, and the error.log
 * layout. Parsers never throw on log content: a line that matches nothing becomes a
 * {@link dev.wslogs.model.ParseFailure} with its position.
 *
 * <p>The error.log parser ({@link dev.wslogs.parse.ErrorLogParser}) assembles messages that span
 * several physical lines and splits nginx's fixed layout (time, level, pid#tid, *connection,
 * message, errno, while-action, trailer fields) by hand-written scanning, with no regex on the hot
 * path.
 */
package dev.wslogs.parse;
