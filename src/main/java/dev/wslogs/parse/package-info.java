/**
 * nginx log syntax. This part: the error.log layout (nginx-messages.md §1), read with hand-written
 * scanning because the daemon has to keep up with millions of lines per second.
 *
 * <p>Invariants of {@link dev.wslogs.parse.ErrorLogParser}:
 * <ul>
 *   <li>It never throws on log content. A line it cannot place becomes a
 *       {@link dev.wslogs.model.ParseFailure} with its position.</li>
 *   <li>No line is lost: every physical line fed in ends up either in exactly one
 *       {@link dev.wslogs.model.ErrorEntry} (counted in {@code physicalLines}) or in exactly one
 *       failure, once {@code flush()} has been called.</li>
 *   <li>Entries come out in input order, one line late: a message may continue on the next
 *       physical line (upstream text with raw newlines), so it is complete only when the next header
 *       or {@code flush()} arrives.</li>
 *   <li>Not thread-safe; one parser per input stream. Nothing is compiled or allocated per line
 *       beyond the values an entry keeps.</li>
 * </ul>
 */
package dev.wslogs.parse;
