package dev.wslogs.sink.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wslogs.model.Incident;
import dev.wslogs.sink.report.JsonReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends incidents to the journal, each id once: ids already journaled (loaded at start, for the
 * retention's worth of entries, bounded) and ids seen in this run are dropped. That is what makes
 * re-reading lines after a restart harmless.
 */
public final class JournalSink {
    static final int MAX_REMEMBERED = 1_000_000;
    private final Journal journal;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1 << 12, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > MAX_REMEMBERED;
        }
    };
    private long duplicates;

    public JournalSink(Journal journal) {
        this.journal = journal;
        for (String line : journal.readAll(s -> true)) {
            String id = idOf(line);
            if (id != null) seen.put(id, Boolean.TRUE);
        }
    }

    /** Journals the incident unless it was journaled before; returns whether it is new. */
    public boolean append(Incident i) {
        if (seen.putIfAbsent(i.id(), Boolean.TRUE) != null) {
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
        try {
            JsonNode n = JsonReport.MAPPER.readTree(json);
            return n.hasNonNull("id") ? n.get("id").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
