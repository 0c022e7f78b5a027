/**
 * Path in, lines out. Everything that touches files lives here: decompression, byte-exact line
 * splitting with offsets (the basis of checkpoints and incident ids), detection of a file's log
 * kind, ordering of rotated series. Nothing here parses nginx syntax beyond what detection needs.
 *
 * <h2>Following live logs</h2>
 *
 * {@link dev.wslogs.source.FileFollower} follows files by identity ({@link
 * dev.wslogs.source.FileIdentity}: device+inode plus a {@link dev.wslogs.source.Fingerprint} of the
 * first 256 bytes) and byte offset, driven by explicit {@code poll()} calls and an injected clock.
 * Guarantees, per followed path:
 *
 * <ul>
 *   <li>Every complete line is handed out once per follower run, in file order, with exact line
 *       numbers and offsets. A line is handed out only when its newline is there; an unterminated
 *       last line is handed out (marked {@code terminated=false}) only when its file ends: closed
 *       after the rotation grace period, or truncated.
 *   <li>Rename+create rotation: the renamed file is read by descriptor until it has been quiet for
 *       the grace period (nginx writes to it until USR1), the new file from byte 0. Each file's
 *       lines are in order; between the two, lines interleave by poll (within a poll, older file
 *       first). A generation that was at the path only between two polls is found among the
 *       rotated siblings and read too.
 *   <li>Delete+recreate, a path missing for any time, a path that appears later: never an error; a
 *       new file at a path seen before is read from 0; a file that comes back is continued.
 *   <li>{@code touch} and a replaced file of the same size: key and fingerprint decide, not mtime or
 *       size.
 *   <li>Restart: with {@link dev.wslogs.source.Checkpoints} saved from {@code positions()}, nothing
 *       before a saved position is handed out again and nothing after it is skipped, including a
 *       file rotated away (even twice) while the daemon was down, found beside the path.
 * </ul>
 *
 * What is lost, and when:
 *
 * <ul>
 *   <li>copytruncate: lines written after the last poll and before the truncation (they are in the
 *       copy, {@code access.log.1}, which the follower does not read); also any line written to the
 *       file between logrotate's copy and its truncate, which is in neither file. The truncation is
 *       seen when the file is shorter than the read offset or its first bytes changed; a file
 *       truncated and regrown past the old offset with identical first 256 bytes is not seen.
 *   <li>Rename+create: lines nginx writes to the renamed file after it was quiet for the whole
 *       grace period (nginx not signalled in time). Raise the grace period for such setups.
 *   <li>Restart: lines in a checkpointed file that was compressed or deleted while the daemon was
 *       down (reported as {@code checkpointDiscarded}). With no saved checkpoint at all (first
 *       start, or a corrupt checkpoint file), files start at their end by default: save
 *       {@code positions()} once right after the first poll.
 *   <li>Lines longer than {@code maxLineBytes} are cut; the rest of the physical line is skipped.
 * </ul>
 *
 * Compressed files ({@code .gz}) are never followed: they are for {@code wslogs analyze}.
 */
package dev.wslogs.source;
