package dev.wslogs.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * At a restart, finds the files that saved checkpoints name but that are no longer at their path:
 * renamed by a rotation while the daemon was down or during a grace period it did not finish.
 *
 * <p>Among the path's rotated siblings, the oldest one matching a checkpoint (key and fingerprint)
 * resumes at its checkpoint; every younger sibling is a generation rotated after it, so it was
 * either checkpointed too (resume there) or never read (read from 0). Older siblings were read to
 * the end before. Compressed siblings cannot be followed: lines after a checkpoint in a file that
 * was compressed or deleted while the daemon was down are lost (and reported as discarded).
 */
final class CheckpointRestore {
    private CheckpointRestore() {}

    /** Opens the siblings to read, oldest first; removes the checkpoints it used from {@code pending}. */
    static List<OpenFile> rotatedFiles(Path path, List<Checkpoint> pending, FollowContext ctx) {
        List<Path> siblings;
        try {
            siblings = RotatedSiblings.of(path);
        } catch (IOException e) {
            ctx.listener().readFailed(path, e);
            return List.of();
        }
        List<OpenFile> opened = new ArrayList<>();
        List<Path> where = new ArrayList<>();
        int oldestMatch = -1;
        for (Path sibling : siblings) {
            OpenFile f = tryOpen(path, sibling, ctx);
            if (f == null) continue;
            if (oldestMatch < 0 && matching(f, pending) != null) oldestMatch = opened.size();
            opened.add(f);
            where.add(sibling);
        }
        List<OpenFile> kept = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            OpenFile f = opened.get(i);
            if (oldestMatch < 0 || i < oldestMatch) {
                f.closeQuietly();
            } else if (position(f, where.get(i), pending, ctx)) {
                f.detached();
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean position(OpenFile f, Path at, List<Checkpoint> pending, FollowContext ctx) {
        Checkpoint cp = matching(f, pending);
        try {
            if (cp == null) {
                f.startAtBeginning();
                ctx.listener().fileAppeared(at, f.identity(), 0);
                return true;
            }
            pending.remove(cp);
            if (!f.resume(cp)) ctx.listener().fileTruncated(at, f.identity(), cp.offset(), f.size());
            ctx.listener().checkpointRestored(cp, at);
            return true;
        } catch (IOException e) {
            ctx.listener().readFailed(at, e);
            f.closeQuietly();
            return false;
        }
    }

    static Checkpoint matching(OpenFile f, Collection<Checkpoint> pending) {
        for (Checkpoint cp : pending) {
            if (f.matches(cp)) return cp;
        }
        return null;
    }

    private static OpenFile tryOpen(Path path, Path file, FollowContext ctx) {
        try {
            return OpenFile.open(path, file, FileIdentity.keyOf(file), ctx);
        } catch (IOException e) {
            ctx.listener().readFailed(file, e);
            return null;
        }
    }
}
