package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One followed path: the file now at it ({@code current}) and the files that left it but may still
 * be written to ({@code draining}, oldest first, each read by descriptor until it has been quiet
 * for the grace period).
 *
 * <p>Each poll: stat the path and compare its key with {@code current}'s (same key: check for
 * truncation; other key or missing: {@code current} starts draining and the new file is read from
 * 0), then read the draining files oldest first, then {@code current}. Each file's lines are handed
 * out in file order; across files of one path, lines are ordered by the poll that read them, older
 * files first within a poll.
 */
final class FollowedPath {
    static final int CLOSED_REMEMBERED = 4;
    private final Path path;
    private final FollowContext ctx;
    /** Checkpoints restored from disk not yet matched to a file; kept in positions() until resolved. */
    private final List<Checkpoint> pending;
    private final List<OpenFile> draining = new ArrayList<>();
    /**
     * Final positions of files closed after their grace period (newest last, at most
     * {@link #CLOSED_REMEMBERED}): a file that comes back to the path after being away longer than
     * the grace period continues where it was closed instead of being read again.
     */
    private final ArrayDeque<Checkpoint> closed = new ArrayDeque<>();
    private final boolean presentAtStartup;
    private OpenFile current;
    /** Key of the file most recently at the path (current or detached), to find generations rotated past unseen. */
    private String lastKey;
    private boolean firstPoll = true;
    /** Once anything was at this path (or a checkpoint says so), a new file there is new data: read from 0. */
    private boolean seenBefore;
    private boolean missing;

    FollowedPath(Path path, List<Checkpoint> restored, boolean presentAtStartup, FollowContext ctx) {
        this.path = path;
        this.ctx = ctx;
        this.pending = new ArrayList<>(restored);
        this.presentAtStartup = presentAtStartup;
        this.seenBefore = !restored.isEmpty();
    }

    Path path() {
        return path;
    }

    /** Missing, nothing open and nothing pending: a glob-matched path may be forgotten. */
    boolean idle() {
        return missing && current == null && draining.isEmpty() && pending.isEmpty();
    }

    void poll() {
        if (firstPoll && !pending.isEmpty()) draining.addAll(CheckpointRestore.rotatedFiles(path, pending, ctx));
        checkPath();
        firstPoll = false;
        readDraining();
        if (current != null) read(current);
        reportLag();
    }

    private void checkPath() {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            onMissing();
            return;
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
            return;
        }
        if (!a.isRegularFile()) {
            onMissing();
            return;
        }
        String key = FileIdentity.keyOf(a, path);
        if (current != null && current.key().equals(key)) {
            missing = false;
            checkTruncation(current);
            return;
        }
        OpenFile back = takeDraining(key);
        if (back != null) {
            // renamed away and back (or deleted path restored by a hard link): same descriptor, same position
            detachCurrent();
            current = back;
            lastKey = key;
            missing = false;
            return;
        }
        openNew(key);
    }

    private void openNew(String key) {
        OpenFile next;
        try {
            next = OpenFile.open(path, path, key, ctx);
        } catch (NoSuchFileException e) {
            onMissing();
            return;
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
            return;
        }
        if (!position(next)) return;
        OpenFile previous = current;
        detachCurrent();
        draining.addAll(missedGenerations(key));
        current = next;
        lastKey = key;
        missing = false;
        seenBefore = true;
        if (previous != null) {
            ctx.listener().fileRotated(path, previous.identity(), next.identity());
        } else {
            ctx.listener().fileAppeared(path, next.identity(), next.readOffset());
        }
    }

    /** Where a file newly found at the path starts; false (file closed) on I/O trouble. */
    private boolean position(OpenFile next) {
        try {
            Checkpoint cp = CheckpointRestore.matching(next, pending);
            Checkpoint back = cp == null ? CheckpointRestore.matching(next, closed) : null;
            if (back != null) {
                closed.remove(back);
                if (!next.resume(back)) ctx.listener().fileTruncated(path, next.identity(), back.offset(), next.size());
            } else if (cp != null) {
                pending.remove(cp);
                if (!next.resume(cp)) ctx.listener().fileTruncated(path, next.identity(), cp.offset(), next.size());
                ctx.listener().checkpointRestored(cp, path);
            } else if (!seenBefore && firstPoll && presentAtStartup && ctx.options().startAt() == StartPosition.END) {
                next.startAtEnd();
            } else {
                next.startAtBeginning();
            }
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
            next.closeQuietly();
            return false;
        }
        // The path now holds a known file: checkpoints still pending name files that are gone.
        for (Checkpoint cp : pending) ctx.listener().checkpointDiscarded(cp, "no file at or beside " + path + " matches it");
        pending.clear();
        return true;
    }

    /**
     * Files that were at the path only between two polls (two rotations in one poll interval, or
     * rotations while the path looked missing): siblings rotated after the last file seen at the
     * path, not the one now there and not already open. Read from 0, oldest first.
     */
    private List<OpenFile> missedGenerations(String newKey) {
        if (lastKey == null) return List.of();
        List<OpenFile> missed = new ArrayList<>();
        try {
            for (Path sibling : RotatedSiblings.youngerThan(path, lastKey)) {
                String key = RotatedSiblings.keyOrNull(sibling);
                if (key == null || key.equals(newKey) || isOpen(key)) continue;
                OpenFile f = OpenFile.open(path, sibling, key, ctx);
                f.startAtBeginning();
                f.detached();
                missed.add(f);
                ctx.listener().fileAppeared(sibling, f.identity(), 0);
            }
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
        }
        return missed;
    }

    private boolean isOpen(String key) {
        for (OpenFile f : openFiles()) {
            if (f.key().equals(key)) return true;
        }
        return false;
    }

    private void checkTruncation(OpenFile f) {
        try {
            if (!f.contentReplaced()) return;
            long before = f.readOffset();
            FileIdentity was = f.identity();
            f.restartFromZero();
            ctx.listener().fileTruncated(path, was, before, f.size());
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
        }
    }

    private void onMissing() {
        if (!missing) {
            missing = true;
            ctx.listener().fileMissing(path);
        }
        detachCurrent();
    }

    private void detachCurrent() {
        if (current == null) return;
        current.detached();
        draining.add(current);
        current = null;
    }

    private OpenFile takeDraining(String key) {
        for (Iterator<OpenFile> it = draining.iterator(); it.hasNext(); ) {
            OpenFile f = it.next();
            if (f.key().equals(key)) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    private void readDraining() {
        for (Iterator<OpenFile> it = draining.iterator(); it.hasNext(); ) {
            OpenFile f = it.next();
            checkTruncation(f);
            read(f);
            try {
                if (f.atEnd() && f.quietFor(ctx.options().rotationGrace())) {
                    f.flushPartial();
                    it.remove();
                    if (closed.size() == CLOSED_REMEMBERED) closed.removeFirst();
                    closed.addLast(f.position());
                    ctx.listener().fileClosed(path, f.identity(), f.readOffset());
                    f.closeQuietly();
                }
            } catch (IOException e) {
                ctx.listener().readFailed(path, e);
            }
        }
    }

    private void read(OpenFile f) {
        try {
            f.read();
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
        }
    }

    private void reportLag() {
        for (OpenFile f : openFiles()) {
            try {
                ctx.listener().fileLagMeasured(path, f.identity(), f.bytesBehind());
            } catch (IOException e) {
                ctx.listener().readFailed(path, e);
            }
        }
    }

    private List<OpenFile> openFiles() {
        List<OpenFile> all = new ArrayList<>(draining);
        if (current != null) all.add(current);
        return all;
    }

    /** Checkpoints of everything handed out: unresolved restored ones, draining files, then current. */
    void positions(List<Checkpoint> into) {
        into.addAll(pending);
        for (OpenFile f : openFiles()) into.add(f.position());
    }

    void close() {
        for (OpenFile f : openFiles()) f.closeQuietly();
        draining.clear();
        current = null;
    }
}
