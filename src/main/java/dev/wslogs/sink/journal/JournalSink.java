package dev.wslogs.sink.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wslogs.model.Incident;
import dev.wslogs.sink.report.JsonReport;
import java.time.Instant;

/**
 * Appends incidents to the journal, each id once: ids already journaled (loaded at start, for the
 * retention's worth of entries, bounded) and ids seen in this run are dropped. That is what makes
 * re-reading lines after a restart harmless.
 */
public final class JournalSink {
    /**
     * Ids remembered, newest kept: a restart re-reads at most the daemon's hold-back (minutes of log
     * time), so this is far more than a replay can repeat. As 64-bit keys in a primitive set (12 MB),
     * not a map of strings (a million of those were 100 MB of the daemon's 160 MB heap).
     */
    static final int MAX_REMEMBERED = 500_000;
    private final Journal journal;
    private final dev.wslogs.classify.IncidentIds.RecentCounts seen = new dev.wslogs.classify.IncidentIds.RecentCounts(MAX_REMEMBERED);
    private long duplicates;

    public JournalSink(Journal journal) {
        this.journal = journal;
        try (var t = journal.tailer()) { // streamed: fourteen days of incidents are not read into a list
            t.toStart();
            String line;
            while ((line = t.readText()) != null) {
                String id = idOf(line);
                if (id != null) seen.increment(key(id));
            }
        }
    }

    /** An id as a 64-bit key: its 16 hex digits (every id wslogs makes), else a 64-bit hash of it. */
    static long key(String id) {
        if (id.length() == 16) {
            try {
                return Long.parseUnsignedLong(id, 16);
            } catch (NumberFormatException e) {
                // not hex: hashed below
            }
        }
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (int i = 0; i < id.length(); i++) h = (h ^ id.charAt(i)) * 0x100000001b3L;
        return h;
    }

    /** Journals the incident unless it was journaled before; returns whether it is new. */
    public boolean append(Incident i) {
        if (seen.increment(key(i.id())) > 1) {
            duplicates++;
            return false;
        }
        var node = JsonReport.incident(i);
        node.put("journaled_at", Instant.now().toString());
        journal.append(node.toString());
        return true;
    }

    public long duplicates() {
        return duplicates;
    }

    public int remembered() {
        return seen.size();
    }

    static String idOf(String json) {
        // every entry starts with its id ({"id":"5f0c3d0a2b7e9f11",…): read it without parsing the line
        if (json.startsWith("{\"id\":\"") && json.length() > 24 && json.charAt(23) == '"') return json.substring(7, 23);
        try {
            JsonNode n = JsonReport.MAPPER.readTree(json);
            return n.hasNonNull("id") ? n.get("id").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
