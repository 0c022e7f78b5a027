package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path dir;

    private static Checkpoint checkpoint(String path, long offset, long line) {
        byte[] head = "127.0.0.1 - - [01/Jan/2026:00:00:00 +0000] \"GET /ws HTTP/1.1\" 101".getBytes(StandardCharsets.UTF_8);
        FileIdentity id = new FileIdentity("(dev=803,ino=1234)", Fingerprint.of(head, head.length));
        return new Checkpoint(Path.of(path), id, offset, line);
    }

    @Test
    void saveThenLoad_sameCheckpoints() throws Exception {
        Checkpoints store = new Checkpoints(dir.resolve("state"));
        List<Checkpoint> saved = List.of(checkpoint("/var/log/nginx/access.log", 1234, 10), checkpoint("/var/log/nginx/error.log", 0, 0));
        store.save(saved);
        Checkpoints.Loaded loaded = new Checkpoints(dir.resolve("state")).load();
        assertThat(loaded.checkpoints()).isEqualTo(saved);
        assertThat(loaded.warning()).isEmpty();
        assertThat(Files.list(dir.resolve("state"))).extracting(p -> p.getFileName().toString()).containsExactly(Checkpoints.FILE);
    }

    @Test
    void noFile_firstStartWithoutWarning() {
        Checkpoints.Loaded loaded = new Checkpoints(dir.resolve("never")).load();
        assertThat(loaded.checkpoints()).isEmpty();
        assertThat(loaded.warning()).isEmpty();
    }

    @Test
    void crashBeforeRename_strayTempFileIgnored_oldCheckpointsKept() throws Exception {
        Checkpoints store = new Checkpoints(dir);
        List<Checkpoint> old = List.of(checkpoint("/x/access.log", 100, 3));
        store.save(old);
        // A crash after writing the temp file and before the rename leaves this behind, possibly half written.
        Files.writeString(dir.resolve(Checkpoints.TEMP), "{\"version\":1,\"checkpoints\":[{\"path\":\"/x/acc");
        assertThat(store.load().checkpoints()).isEqualTo(old);
        List<Checkpoint> next = List.of(checkpoint("/x/access.log", 200, 5));
        store.save(next);
        assertThat(store.load().checkpoints()).isEqualTo(next);
        assertThat(dir.resolve(Checkpoints.TEMP)).doesNotExist();
    }

    @Test
    void corruptFile_startsFreshWithClearWarning_fileMovedAside() throws Exception {
        Files.writeString(dir.resolve(Checkpoints.FILE), "{\"version\":1,\"checkpoints\":[{\"pa");
        Checkpoints.Loaded loaded = new Checkpoints(dir).load();
        assertThat(loaded.checkpoints()).isEmpty();
        assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("corrupt", Checkpoints.CORRUPT, "starting without checkpoints"));
        assertThat(dir.resolve(Checkpoints.CORRUPT)).exists();
        assertThat(dir.resolve(Checkpoints.FILE)).doesNotExist();
    }

    @Test
    void invalidValues_treatedAsCorrupt() throws Exception {
        String[] bad = {
            "[]",
            "{\"version\":2,\"checkpoints\":[]}",
            "{\"version\":1,\"checkpoints\":[{\"path\":\"/a\",\"file_key\":\"k\",\"fingerprint_sha256\":\"zz\",\"fingerprint_bytes\":0,\"offset\":0,\"line\":0}]}",
            "{\"version\":1,\"checkpoints\":[{\"path\":\"/a\",\"file_key\":\"k\",\"fingerprint_sha256\":\"" + "0".repeat(64)
                    + "\",\"fingerprint_bytes\":0,\"offset\":-1,\"line\":0}]}",
            "{\"version\":1,\"checkpoints\":[{\"path\":\"/a\",\"file_key\":\"k\",\"fingerprint_sha256\":\"" + "0".repeat(64)
                    + "\",\"fingerprint_bytes\":0,\"offset\":\"12\",\"line\":0}]}",
            "",
        };
        for (String content : bad) {
            Files.writeString(dir.resolve(Checkpoints.FILE), content);
            Checkpoints.Loaded loaded = new Checkpoints(dir).load();
            assertThat(loaded.checkpoints()).as(content).isEmpty();
            assertThat(loaded.warning()).as(content).isPresent();
        }
    }

    @Test
    void followerPositions_roundTripThroughStore() throws Exception {
        Path log = dir.resolve("access.log");
        Files.writeString(log, "a\nb\n");
        FileFollower f = new FileFollower(List.of(log.toString()), FollowerOptions.defaults().withStartAt(StartPosition.START),
                List.of(), new ManualClock(), FollowerListener.NONE, l -> {});
        f.poll();
        Checkpoints store = new Checkpoints(dir.resolve("state"));
        List<Checkpoint> positions = f.positions();
        store.save(positions);
        f.close();
        assertThat(store.load().checkpoints()).isEqualTo(positions);
        Checkpoint cp = store.load().checkpoints().get(0);
        assertThat(cp.offset()).isEqualTo(4);
        assertThat(cp.line()).isEqualTo(2);
        assertThat(cp.identity().key()).isEqualTo(FileIdentity.keyOf(log));
        assertThat(cp.identity().fingerprint().length()).isEqualTo(4);
    }
}
