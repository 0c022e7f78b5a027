package dev.wslogs.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wslogs.classify.TimeoutClusters;
import dev.wslogs.source.Checkpoint;
import dev.wslogs.sink.report.JsonReport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the pipeline learned from lines before the saved positions — the lifetimes of upgraded
 * connections behind the idle-timeout clusters — in {@code learned.json} beside the checkpoints, so a
 * restart that re-reads only the last minutes still knows the cluster it had seen forming.
 * Written like the checkpoints: temp file, fsync, atomic rename.
 *
 * <p>The two files cannot be replaced in one step, so each learned state names the positions it
 * belongs to (a hash of them), and the file keeps the previous state too: whichever positions a
 * crash left in {@code checkpoints.json}, the state that matches them is used — never one that
 * counted lines the restart will read again.
 */
final class LearnedState {
    static final String FILE = "learned.json";
    private final Path file;

    LearnedState(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    /** Identifies a set of positions, whatever their order. */
    static String key(List<Checkpoint> positions) {
        List<String> parts = new java.util.ArrayList<>();
        for (Checkpoint c : positions) parts.add(c.path() + "|" + c.identity().key() + "|" + c.offset());
        java.util.Collections.sort(parts);
        return Integer.toHexString(String.join("\n", parts).hashCode()) + "-" + parts.size();
    }

    /** The state saved for exactly these positions, if any. */
    Optional<TimeoutClusters.State> load(List<Checkpoint> positions, Consumer<String> log) {
        if (!Files.exists(file)) return Optional.empty();
        try {
            String want = key(positions);
            for (JsonNode n : JsonReport.MAPPER.readTree(Files.readString(file)).get("states")) {
                if (!n.get("positions").asText().equals(want)) continue;
                JsonNode b = n.get("duration_buckets_100ms");
                long[] keys = new long[b.size()];
                int[] counts = new int[b.size()];
                for (int i = 0; i < b.size(); i++) {
                    keys[i] = b.get(i).get(0).asLong();
                    counts[i] = b.get(i).get(1).asInt();
                }
                return Optional.of(new TimeoutClusters.State(n.get("upgraded").asLong(), keys, counts));
            }
            log.accept("wslogs: " + file + " does not match the saved positions; timeout clusters are learned afresh");
        } catch (IOException | RuntimeException e) {
            log.accept("wslogs: " + file + " unreadable (" + e.getMessage() + "); timeout clusters are learned afresh");
        }
        return Optional.empty();
    }

    private JsonNode previous;

    /** Saves the state for these positions, keeping the previous one (call before saving the positions). */
    void save(TimeoutClusters.State s, List<Checkpoint> positions) throws IOException {
        ObjectNode n = JsonReport.MAPPER.createObjectNode();
        n.put("positions", key(positions));
        n.put("upgraded", s.upgraded());
        ArrayNode b = n.putArray("duration_buckets_100ms");
        for (int i = 0; i < s.buckets().length; i++) b.addArray().add(s.buckets()[i]).add(s.counts()[i]);
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        ArrayNode states = root.putArray("states");
        states.add(n);
        if (previous != null) states.add(previous);
        previous = n;
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, root.toString(), StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
