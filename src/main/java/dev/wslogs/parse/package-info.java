/**
 * nginx syntax: access-log formats compiled once from {@code log_format} templates (text with
 * default/none escaping, or {@code escape=json}), format detection, timestamps, and the error.log
 * layout. Parsers never throw on log content: a line that matches nothing becomes a
 * {@link dev.wslogs.model.ParseFailure} with its position.
 */
package dev.wslogs.parse;
