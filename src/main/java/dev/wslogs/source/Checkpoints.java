package dev.wslogs.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkpoint store: one JSON file, {@code checkpoints.json}, in the state directory.
 *
 * <p>{@link #save} replaces the whole set atomically: write {@code checkpoints.json.tmp}, fsync it,
 * rename it over {@code checkpoints.json}, fsync the directory. A crash at any point leaves either
 * the old or the new file, never a mix; a stray temp file from a crash is ignored and overwritten.
 * One writer per state directory (the daemon's polling thread).
 *
 * <p>{@link #load} never throws: a missing file is a first start; an unreadable one is moved aside
 * to {@code checkpoints.json.corrupt} and reported in {@link Loaded#warning()}, and the follower
 * starts fresh.
 */
public final class Checkpoints {
    static final String FILE = "checkpoints.json";
    static final String TEMP = FILE + ".tmp";
    static final String CORRUPT = FILE + ".corrupt";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public Checkpoints(Path stateDir) {
        this.dir = Objects.requireNonNull(stateDir, "stateDir");
    }

    /** What {@link #load} found; {@code warning} explains a start from scratch that was not a first start. */
    public record Loaded(List<Checkpoint> checkpoints, Optional<String> warning) {
        public Loaded {
            checkpoints = List.copyOf(checkpoints);
            Objects.requireNonNull(warning, "warning");
        }
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    public Loaded load() {
        Path f = file();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return new Loaded(List.of(), Optional.empty());
        } catch (IOException e) {
            return new Loaded(List.of(), Optional.of("cannot read checkpoint file " + f + " (" + e + "); starting without checkpoints"));
        }
        try {
            return new Loaded(decode(JSON.readTree(bytes)), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Loaded(List.of(), Optional.of(moveAside(f, e)));
        }
    }

    private String moveAside(Path f, Exception cause) {
        String what = "checkpoint file " + f + " is corrupt (" + cause.getMessage() + ")";
        try {
            Files.move(f, dir.resolve(CORRUPT), StandardCopyOption.REPLACE_EXISTING);
            what += "; kept as " + CORRUPT;
        } catch (IOException e) {
            what += "; could not move it aside (" + e + ")";
        }
        return what + "; starting without checkpoints: files seen for the first time start at their "
                + "end (or start, with from-start), so lines written while the daemon was down may be missed";
    }

    public void save(Collection<Checkpoint> checkpoints) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(TEMP);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(encode(checkpoints));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        }
        try {
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("state directory " + dir + " does not support atomic rename", e);
        }
        syncDirectory();
    }

    /** Makes the rename durable. Some platforms cannot open a directory; there the rename is best effort. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not supported on this platform (e.g. Windows): nothing more can be done
        }
    }

    private static JsonNode encode(Collection<Checkpoint> checkpoints) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("checkpoints");
        for (Checkpoint cp : checkpoints) {
            ObjectNode n = list.addObject();
            n.put("path", cp.path().toString());
            n.put("file_key", cp.identity().key());
            n.put("fingerprint_sha256", cp.identity().fingerprint().sha256());
            n.put("fingerprint_bytes", cp.identity().fingerprint().length());
            n.put("offset", cp.offset());
            n.put("line", cp.line());
        }
        return root;
    }

    private static List<Checkpoint> decode(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) throw new IOException("not a JSON object");
        int version = required(root, "version").asInt();
        if (version != VERSION) throw new IOException("unsupported version " + version);
        JsonNode list = required(root, "checkpoints");
        if (!list.isArray()) throw new IOException("checkpoints is not a list");
        List<Checkpoint> out = new ArrayList<>();
        for (JsonNode n : list) {
            Fingerprint fp = new Fingerprint(text(n, "fingerprint_sha256"), integral(n, "fingerprint_bytes").intValue());
            FileIdentity id = new FileIdentity(text(n, "file_key"), fp);
            out.add(new Checkpoint(Path.of(text(n, "path")), id, integral(n, "offset").longValue(), integral(n, "line").longValue()));
        }
        return out;
    }

    private static JsonNode required(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IOException("missing field " + field);
        return v;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = required(n, field);
        if (!v.isTextual()) throw new IOException(field + " is not a string");
        return v.asText();
    }

    private static JsonNode integral(JsonNode n, String field) throws IOException {
        JsonNode v = required(n, field);
        if (!v.canConvertToLong() || !v.isIntegralNumber()) throw new IOException(field + " is not an integer");
        return v;
    }
}
