package dev.wslogs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IncidentIdsTest {
    private static final String[] CLIENTS = {"127.0.0.1", "", "2001:db8::1", "10.0.0.7", "clïent"};
    private static final String[] REQUESTS = {"GET /ws HTTP/1.1", "", "GET /ws?x=\\x22 HTTP/1.1", "GET /é HTTP/1.1", "GET /😀 HTTP/1.1"};
    private static final String[] NUMBERS = {"", "0", "1234", "99999999", "١٢"};

    /** An access key hashed part by part gives the id of the concatenated key, repeats included. */
    @Test
    void accessKeyByParts_isTheIdOfTheWholeKey() {
        SplittableRandom r = new SplittableRandom(11);
        IncidentIds byParts = new IncidentIds();
        IncidentIds whole = new IncidentIds();
        for (int i = 0; i < 50_000; i++) {
            long time = i % 7 == 0 ? 0 : r.nextLong(0, 4_000_000_000_000L);
            if (i % 5 == 0) time = 1_764_000_000_000L; // repeats: -2, -3, …
            String client = CLIENTS[r.nextInt(CLIENTS.length)];
            String request = REQUESTS[r.nextInt(REQUESTS.length)];
            int status = r.nextInt(0, 1000);
            if (i % 5 == 0) status = 502;
            String connection = NUMBERS[r.nextInt(NUMBERS.length)];
            String pid = NUMBERS[r.nextInt(NUMBERS.length)];
            long duration = switch (i % 4) {
                case 0 -> -1;
                case 1 -> 0;
                case 2 -> r.nextLong(0, 10);
                default -> r.nextLong(0, Long.MAX_VALUE);
            };
            if (i % 5 == 0) duration = 60_001;
            String expected = whole.next("A|" + time + "|" + client + "|" + request + "|" + status + "|" + connection + "|" + pid + "|"
                    + duration);
            assertThat(byParts.nextOfAccess(time, client, request, status, connection, pid, duration)).isEqualTo(expected);
        }
        assertThat(byParts.nextOfAccess(1_764_000_000_000L, "x", "y", 1, "", "", 1)).doesNotContain("-");
        assertThat(byParts.nextOfAccess(1_764_000_000_000L, "x", "y", 1, "", "", 1)).endsWith("-2");
    }

    /** The primitive counts forget exactly what a LinkedHashMap with removeEldestEntry forgets. */
    @Test
    void recentCounts_areThoseOfAnInsertionOrderedMapOfTheSameCapacity() {
        for (int capacity : new int[] {1, 2, 7, 100}) {
            IncidentIds.RecentCounts counts = new IncidentIds.RecentCounts(capacity);
            java.util.Map<Long, Integer> reference = new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, Integer> e) {
                    return size() > capacity;
                }
            };
            SplittableRandom r = new SplittableRandom(capacity);
            for (int i = 0; i < 200_000; i++) {
                // few distinct keys, so counts repeat and keys come back after being forgotten; some collide in the table
                long key = r.nextInt(3 * capacity + 2) * (i % 3 == 0 ? 1L << 40 : 1L);
                assertThat(counts.increment(key)).as("capacity %d, step %d", capacity, i).isEqualTo(reference.merge(key, 1, Integer::sum));
            }
        }
    }
}
