package dev.wslogs.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows nginx log files through rename and copytruncate rotation, deletion, truncation and
 * restarts, handing out each complete line once, in file order, with its file identity and byte
 * offset.
 *
 * <p>Driven from outside: {@link #poll()} does one round of work (stat each path, read what was
 * appended, up to a budget per file) and returns; there are no threads or sleeps inside. Not
 * thread-safe: one thread calls {@code poll}, {@code positions} and {@code close}.
 *
 * <p>Checkpoint contract: lines are handed out to the consumer during {@code poll()}.
 * {@link #positions()} describes everything handed out so far (including the line being handed out,
 * when called from the consumer). Once the effects of those lines are durable, pass that list to
 * {@link Checkpoints#save}; a follower constructed with the loaded list resumes after it: no line
 * before a saved position is handed out again, none after it is skipped. Lines handed out after
 * the last save are handed out again after a restart.
 *
 * <p>Never throws for I/O trouble: a missing path is a state, failed reads are reported to the
 * {@link FollowerListener} and retried at the next poll.
 */
public final class FileFollower implements Closeable {
    private final List<PathPattern> patterns = new ArrayList<>();
    private final Set<Path> literal = new HashSet<>();
    private final FollowContext ctx;
    private final Map<Path, FollowedPath> paths = new LinkedHashMap<>();
    /** Checkpoints loaded from disk, by path; handed to each path at its creation, at the first poll. */
    private final Map<Path, List<Checkpoint>> restored = new LinkedHashMap<>();
    private boolean started;
    private long handedOut;

    /**
     * @param pathsOrGlobs files to follow; the last name component may be a glob, expanded at every
     *                     poll (see {@link PathPattern}). Invalid patterns throw here, at startup.
     * @param restored     from {@link Checkpoints#load()}; empty for a first start
     * @param out          receives every line; a runtime exception from it propagates out of poll
     *                     (the line counts as handed out)
     */
    public FileFollower(
            List<String> pathsOrGlobs,
            FollowerOptions options,
            Collection<Checkpoint> restored,
            InstantSource clock,
            FollowerListener listener,
            Consumer<FollowedLine> out) {
        Objects.requireNonNull(out, "out");
        for (String s : pathsOrGlobs) {
            PathPattern p = PathPattern.of(s);
            patterns.add(p);
            if (!p.isGlob()) literal.add(Path.of(s));
        }
        for (Checkpoint cp : restored) this.restored.computeIfAbsent(cp.path(), k -> new ArrayList<>()).add(cp);
        Consumer<FollowedLine> counting = line -> {
            handedOut++;
            out.accept(line);
        };
        this.ctx = FollowContext.of(options, clock, listener, counting);
    }

    /** One round: notice rotations, truncations, new and missing files; hand out new lines. Returns lines handed out. */
    public long poll() {
        long before = handedOut;
        boolean startup = !started;
        started = true;
        discover(startup);
        for (FollowedPath fp : paths.values()) fp.poll();
        paths.values().removeIf(fp -> !literal.contains(fp.path()) && fp.idle());
        return handedOut - before;
    }

    private void discover(boolean startup) {
        for (PathPattern pattern : patterns) {
            List<Path> found;
            try {
                found = pattern.expand();
            } catch (IOException e) {
                ctx.listener().readFailed(Path.of(pattern.toString()), e);
                continue;
            }
            for (Path p : found) follow(p, startup);
        }
        if (!startup) return;
        // A checkpointed path that is missing right now (mid-rotation) is still followed, so its
        // rotated file is found; a path no longer configured gives up its checkpoints.
        for (Path p : List.copyOf(restored.keySet())) {
            if (patterns.stream().anyMatch(pt -> pt.matches(p))) {
                follow(p, true);
            } else {
                for (Checkpoint cp : restored.remove(p)) ctx.listener().checkpointDiscarded(cp, p + " is not a configured path");
            }
        }
    }

    private void follow(Path p, boolean startup) {
        paths.computeIfAbsent(p, k -> new FollowedPath(k, restored.getOrDefault(k, List.of()), startup, ctx));
        restored.remove(p);
    }

    /** Checkpoints of everything handed out so far, for {@link Checkpoints#save}: one per open file. */
    public List<Checkpoint> positions() {
        List<Checkpoint> out = new ArrayList<>();
        for (FollowedPath fp : paths.values()) fp.positions(out);
        if (!started) for (List<Checkpoint> cps : restored.values()) out.addAll(cps);
        return List.copyOf(out);
    }

    /** Closes every descriptor. Partial lines are not handed out: a restart reads them again. */
    @Override
    public void close() {
        for (FollowedPath fp : paths.values()) fp.close();
        paths.clear();
    }
}
