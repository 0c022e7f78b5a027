package dev.wslogs.correlate;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streaming join of access and error lines (see package docs for the ordering invariant).
 *
 * <p>With {@code $connection} in the access format the join key is the connection number, checked
 * against {@code $pid} when logged (numbers restart on reload; the pid tells generations apart)
 * and against time. Without it, errors are matched on client address + request line within the
 * request's time span.
 */
public final class Correlator {
    /** Slack around an access line's [start, end] span for its error lines (error.log has 1 s resolution). */
    static final long SLACK_MILLIS = 2_000;

    private final long retentionMillis;
    private final int maxPending;
    private final Consumer<Attempt> out;
    private final ConnectionIndex byConnection = new ConnectionIndex();
    /**
     * Pending lines by client address, for access formats without {@code $connection}; built on the
     * first such access line and kept from then on (a host logging {@code $connection} never pays for it).
     */
    private final Map<String, List<Pending>> byClient = new HashMap<>();
    private boolean clientIndexed;
    private final ArrayDeque<Pending> arrival = new ArrayDeque<>();
    private int pending;
    private long evicted;
    private long watermark = Long.MIN_VALUE;

    /**
     * An error line waiting for its access line. Its join keys are copied out of the entry: the
     * entry was made on the reader thread, and the index lookups, claims and expiry that compare
     * keys would otherwise each touch it in another core's cache lines.
     */
    private static final class Pending {
        final ErrorEntry e;
        final long time;
        /** {@link ErrorEntry#connection}, {@link ErrorEntry#pid}. */
        final long connection;
        final long pid;
        /** {@link ErrorEntry#retainedBytes}, kept so that expiry does not touch the entry. */
        final long bytes;
        boolean claimed;
        /**
         * In a client's list: the hash of the error line's request as printed, and as the access log
         * would print it ({@link #sameRequest}), so that walking a busy client's list compares ints.
         */
        int requestHash;
        int escapedHash;

        Pending(ErrorEntry e, long time) {
            this.e = e;
            this.time = time;
            this.connection = e.connection();
            this.pid = e.pid();
            this.bytes = e.retainedBytes();
        }

        boolean hasConnection() {
            return connection != ErrorEntry.NO_CONNECTION;
        }
    }

    public Correlator(long retentionMillis, int maxPending, Consumer<Attempt> out) {
        this(retentionMillis, maxPending, MAX_HELD_BYTES, out);
    }

    /** @param maxHeldBytes what the held error lines may keep alive ({@link ErrorEntry#retainedBytes}) */
    Correlator(long retentionMillis, int maxPending, long maxHeldBytes, Consumer<Attempt> out) {
        this.retentionMillis = retentionMillis;
        this.maxPending = maxPending;
        this.maxHeldBytes = maxHeldBytes;
        this.out = out;
    }

    private final long maxHeldBytes;

    /** Error lines evicted unclaimed because the lines held hit their cap, in count or bytes (they still leave as error-only). */
    public long evicted() {
        return evicted;
    }

    public int pending() {
        return pending;
    }

    /** Holds an error line for its access line. Log time is moved by the caller ({@link #advance}). */
    public void onError(ErrorEntry e, long timeMillis) {
        Pending p = new Pending(e, timeMillis);
        if (p.hasConnection()) byConnection.add(p.connection, p);
        if (clientIndexed) indexClient(p);
        arrival.addLast(p);
        arrivalBytes += p.bytes;
        pending++;
        // Claimed lines wait too (until their retention ends), and lines can be long: the bound is on
        // every line held, by count and by bytes. An unclaimed line pushed out is an eviction.
        while (arrival.size() > maxPending || arrivalBytes > maxHeldBytes) {
            if (!arrival.peekFirst().claimed) evicted++;
            expireOldest();
        }
    }

    /** What the error lines held (claimed or not) may keep alive at most: a sixth of the heap, at most 64 MB (60 MB in analyze's child, 27 MB in the daemon). */
    public static final long MAX_HELD_BYTES = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 6);
    private long arrivalBytes;

    /**
     * Whether an access line could claim a pending error line: one of its connection number (formats
     * with {@code $connection}), or of its client (formats without: {@code client} as the entry's
     * {@code $remote_addr}, null if unknown). Conservative: false means {@link #onAccess} would claim
     * nothing.
     */
    public boolean mayClaim(boolean connectionLogged, long connection, String client) {
        if (pending == 0) return false;
        if (connectionLogged) return hasUnclaimed(byConnection.get(connection));
        indexClients();
        return client == null ? !byClient.isEmpty() : hasUnclaimed(byClient.get(client));
    }

    private void indexClients() {
        if (clientIndexed) return;
        clientIndexed = true;
        for (Pending p : arrival) indexClient(p);
    }

    private void indexClient(Pending p) {
        if (p.e.client().isEmpty()) return;
        String r = p.e.request();
        p.requestHash = r.hashCode();
        p.escapedHash = r.indexOf('"') < 0 ? p.requestHash : escaped(r).hashCode();
        byClient.computeIfAbsent(p.e.client(), k -> new ArrayList<>(2)).add(p);
    }

    /** Claimed lines stay in the connection index until they expire (they leave a client's list when claimed); only unclaimed ones can still be claimed. */
    private static boolean hasUnclaimed(List<Pending> list) {
        if (list == null) return false;
        for (int i = 0; i < list.size(); i++) if (!list.get(i).claimed) return true; // indexed: called for every ordinary line
        return false;
    }

    public void onAccess(AccessEntry a, AttemptKind kind, String why) {
        advance(a.timeMillis());
        List<ErrorEntry> errors = claim(a);
        out.accept(new Attempt(Optional.of(a), kind, errors, why));
    }

    /** Moves log time forward; error lines older than the retention leave as error-only attempts. */
    public void advance(long timeMillis) {
        if (timeMillis > watermark) watermark = timeMillis;
        while (!arrival.isEmpty() && arrival.peekFirst().time < watermark - retentionMillis) expireOldest();
    }

    /** End of input: everything still pending leaves. */
    public void finish() {
        while (!arrival.isEmpty()) expireOldest();
    }

    /**
     * {@link #onAccess} of an ordinary line of a format logging {@code $connection}, up to the
     * attempt: log time moves to {@code timeMillis}, and the pending error lines that line claims
     * are taken and returned — the caller makes the attempt (or counts it, when nothing could come
     * of it). {@code startMillis}, {@code connection} and {@code pid} are what the line's entry
     * would give ({@link AccessEntry#startMillis}, {@link AccessEntry#connectionNumber}, and
     * {@link AccessEntry#pidNumber} or -1 when {@code $pid} is not logged).
     */
    public List<ErrorEntry> claimOnConnection(long timeMillis, long startMillis, long connection, long pid) {
        advance(timeMillis);
        return claimOnConnection(startMillis - SLACK_MILLIS, timeMillis + SLACK_MILLIS, connection, pid, new ArrayList<>(0));
    }

    private List<ErrorEntry> claimOnConnection(long start, long end, long cid, long pid, List<ErrorEntry> found) {
        List<Pending> list = byConnection.get(cid);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Pending p = list.get(i);
                if (!p.claimed && (pid < 0 || p.pid == pid) && p.time >= start && p.time <= end) take(p, found);
            }
        }
        return found;
    }

    private List<ErrorEntry> claim(AccessEntry a) {
        long start = a.startMillis() - SLACK_MILLIS;
        long end = a.timeMillis() + SLACK_MILLIS;
        List<ErrorEntry> found = new ArrayList<>(0);
        if (a.logs(Field.CONNECTION)) {
            claimOnConnection(start, end, a.connectionNumber(), a.logs(Field.PID) ? a.pidNumber() : -1, found);
        } else {
            indexClients();
            String client = a.get(Field.REMOTE_ADDR);
            List<Pending> list = byClient.get(client);
            if (list != null) {
                String request = a.requestLine();
                int h = request.hashCode();
                for (Pending p : list) {
                    if (!p.claimed && (p.requestHash == h || p.escapedHash == h) && p.time >= start && p.time <= end
                            && sameRequest(p.e.request(), request)) {
                        take(p, found);
                    }
                }
                // One client can hold thousands of lines (a scanner's 404s, each with its open()
                // failed): what is claimed leaves its list now, not at expiry, or every later line
                // of that client would walk them all (quadratic; a list's order is kept).
                if (!found.isEmpty()) {
                    list.removeIf(p -> p.claimed);
                    if (list.isEmpty()) byClient.remove(client);
                }
            }
        }
        return found;
    }

    private void take(Pending p, List<ErrorEntry> found) {
        p.claimed = true;
        pending--;
        found.add(p.e);
    }

    /** error.log prints the request raw, the access log escaped; compare what both keep. */
    static boolean sameRequest(String errorRequest, String accessRequest) {
        if (errorRequest.isEmpty()) return false;
        if (errorRequest.equals(accessRequest)) return true;
        return escaped(errorRequest).equals(accessRequest);
    }

    /** A request as error.log prints it, as the access log would: {@code "} escaped. */
    private static String escaped(String errorRequest) {
        return errorRequest.replace("\"", "\\x22");
    }

    private void expireOldest() {
        Pending first = arrival.pollFirst();
        if (first == null) return;
        arrivalBytes -= first.bytes;
        if (first.claimed) {
            unindex(first);
            return;
        }
        // Everything unclaimed of the same connection (or client, without one) leaves together.
        List<ErrorEntry> group = new ArrayList<>();
        group.add(first.e);
        first.claimed = true;
        pending--;
        unindex(first);
        if (first.hasConnection()) {
            List<Pending> list = byConnection.get(first.connection);
            if (list != null) {
                for (Pending p : list) {
                    if (!p.claimed && p.pid == first.pid && p.time <= first.time + retentionMillis) {
                        p.claimed = true;
                        pending--;
                        group.add(p.e);
                    }
                }
            }
        }
        out.accept(new Attempt(Optional.empty(), AttemptKind.ERROR_ONLY, group, ""));
    }

    private void unindex(Pending p) {
        if (p.hasConnection()) byConnection.remove(p.connection, p);
        if (clientIndexed && !p.e.client().isEmpty()) removeFrom(byClient, p.e.client(), p);
    }

    private static <K> void removeFrom(Map<K, List<Pending>> map, K key, Pending p) {
        List<Pending> list = map.get(key);
        if (list != null && removeOne(list, p)) map.remove(key);
    }

    /** Removes {@code p} itself (not an equal line) from its index list; true when the list is now empty. */
    private static boolean removeOne(List<Pending> list, Pending p) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == p) {
                list.remove(k);
                break;
            }
        }
        return list.isEmpty();
    }

    /**
     * Pending lines by connection number: open addressing on primitive keys (no boxing, no entry
     * objects), with backward-shift deletion; every error line of a busy host passes through it.
     */
    private static final class ConnectionIndex {
        private long[] keys = new long[1024];
        private Object[] lists = new Object[1024];
        private int size;

        @SuppressWarnings("unchecked")
        List<Pending> get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); lists[i] != null; i = (i + 1) & mask) {
                if (keys[i] == key) return (List<Pending>) lists[i];
            }
            return null;
        }

        void add(long key, Pending p) {
            List<Pending> list = get(key);
            if (list == null) {
                list = new ArrayList<>(2);
                put(key, list);
            }
            list.add(p);
        }

        void remove(long key, Pending p) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (lists[i] != null && keys[i] != key) i = (i + 1) & mask;
            if (lists[i] == null) return;
            @SuppressWarnings("unchecked")
            List<Pending> list = (List<Pending>) lists[i];
            if (removeOne(list, p)) delete(i, mask);
        }

        private void put(long key, List<Pending> list) {
            if ((size + 1) * 2 > keys.length) grow();
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (lists[i] != null) i = (i + 1) & mask;
            keys[i] = key;
            lists[i] = list;
            size++;
        }

        /** Removes slot i and shifts later members of its probe run back (no tombstones). */
        private void delete(int i, int mask) {
            lists[i] = null;
            size--;
            int j = i;
            while (true) {
                j = (j + 1) & mask;
                if (lists[j] == null) return;
                int home = slot(keys[j], mask);
                // move j into the hole at i unless its home lies cyclically in (i, j]
                boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
                if (stays) continue;
                keys[i] = keys[j];
                lists[i] = lists[j];
                lists[j] = null;
                i = j;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            Object[] oldLists = lists;
            keys = new long[oldKeys.length * 2];
            lists = new Object[oldLists.length * 2];
            size = 0;
            int mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldLists[k] == null) continue;
                int i = slot(oldKeys[k], mask);
                while (lists[i] != null) i = (i + 1) & mask;
                keys[i] = oldKeys[k];
                lists[i] = oldLists[k];
                size++;
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
