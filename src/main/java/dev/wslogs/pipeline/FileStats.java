package dev.wslogs.pipeline;

import dev.wslogs.model.LogKind;
import java.util.ArrayList;
import java.util.List;

/** Per-file counters and notes (written by the file's reader thread, read after it finished). */
public final class FileStats {
    public final String file;
    public final LogKind kind;
    public final String format;
    public long lines;
    public long bytes;
    public long blank;
    public long parsed;
    public long failed;
    public long otherKind; // error lines met in an access log (and vice versa), parsed as such
    public final List<String> notes = new ArrayList<>();

    public FileStats(String file, LogKind kind, String format) {
        this.file = file;
        this.kind = kind;
        this.format = format;
    }
}
