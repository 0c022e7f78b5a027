package dev.wslogs.classify;

import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptKind;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorRef;
import dev.wslogs.model.Field;
import dev.wslogs.model.Incident;
import dev.wslogs.model.LinePosition;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Attempts in, incidents out. Every failed WebSocket attempt becomes an incident (cause
 * {@code unknown} when no rule matches); an upgraded connection becomes one only when something
 * cut it (an error line, or an end at an idle timeout); ordinary traffic and error-only lines only
 * when a rule explicitly covers them (protocol mix-ups, TLS handshakes).
 *
 * <p>Upgraded connections whose duration sits just above a whole second may belong to a timeout
 * cluster that has not formed yet; they wait in a bounded queue and are decided at
 * {@link #finish()} or when the queue is full, so the answer does not depend on arrival order
 * within that window.
 */
public final class Classifier {
    static final String TIMEOUT = "proxy-read-timeout";
    static final String STICKY = "sticky-session";
    static final String UNKNOWN = "unknown";
    public static final int MAX_DEFERRED = 50_000;
    /**
     * What the deferred attempts of each queue may keep alive (their lines: {@link #retained}): a
     * twelfth of the heap, at most 32 MB (30 MB in analyze's 360 MB child, 13 MB in the daemon's
     * 160 MB); a count alone bounds nothing when lines are long. Past either bound the oldest is decided early
     * with what is known then ({@link #decidedEarly}).
     */
    public static final long MAX_DEFERRED_BYTES = Math.min(32L << 20, Runtime.getRuntime().maxMemory() / 12);

    private volatile RuleSet rules;
    private final Optional<ConfigKnowledge> config;
    private final ZoneId errorZone;
    private final Consumer<Incident> out;
    private final TimeoutClusters clusters;
    private final StickySessions sticky = new StickySessions();
    private final IncidentIds ids = new IncidentIds();
    private final ArrayDeque<Attempt> deferred = new ArrayDeque<>();
    private final ArrayDeque<Attempt> deferredSessions = new ArrayDeque<>();
    private long deferredBytes;
    private long deferredSessionBytes;
    private long decidedEarly;

    public Classifier(RuleSet rules, List<Long> knownTimeoutsMillis, ZoneId errorZone, Consumer<Incident> out) {
        this(rules, Optional.empty(), knownTimeoutsMillis, errorZone, out);
    }

    /** With nginx.conf: settles what logs alone cannot, and cites the config line to change. */
    public Classifier(RuleSet rules, Optional<ConfigKnowledge> config, List<Long> knownTimeoutsMillis, ZoneId errorZone,
            Consumer<Incident> out) {
        this.rules = rules;
        this.config = config;
        this.errorZone = errorZone;
        this.out = out;
        this.clusters = new TimeoutClusters(knownTimeoutsMillis);
    }

    public RuleSet rules() {
        return rules;
    }

    /** Swaps the rules (a reload); attempts in flight finish with the old or the new set. */
    public void setRules(RuleSet rules) {
        this.rules = rules;
    }

    public TimeoutClusters clusters() {
        return clusters;
    }

    public void accept(Attempt a) {
        if (a.kind() != AttemptKind.OTHER && a.access().isPresent()) {
            AccessEntry acc = a.access().get();
            sticky.observe(acc);
            if (StickySessions.isSessionRefusal(acc)) {
                // the session's owner may show only in later lines: decide at the end
                deferredSessions.addLast(a);
                deferredSessionBytes += retained(a);
                while (deferredSessions.size() > MAX_DEFERRED || deferredSessionBytes > MAX_DEFERRED_BYTES) {
                    decidedEarly++;
                    decideSession(pollSession());
                }
                return;
            }
        }
        if (a.upgraded()) {
            long d = a.access().get().requestTimeMillis();
            clusters.add(d);
            Match m = a.errors().isEmpty() ? null : bestMatch(a);
            if (m == null) {
                Optional<LocationFacts> facts = config.flatMap(c -> c.factsFor(a.access().get()));
                if (facts.isPresent() && d >= 0 && TimeoutClusters.near(d, facts.get().readTimeoutMillis())) {
                    emitTimeout(a, facts.get().readTimeoutMillis(), facts.get());
                    return;
                }
                long t = clusters.timeoutFor(d);
                if (t >= 0) {
                    emitTimeout(a, t, null);
                } else if (a.errors().isEmpty() && TimeoutClusters.mayBeTimeout(d)) {
                    deferred.addLast(a);
                    deferredBytes += retained(a);
                    while (deferred.size() > MAX_DEFERRED || deferredBytes > MAX_DEFERRED_BYTES) {
                        decidedEarly++;
                        decide(pollDeferred());
                    }
                } else if (!a.errors().isEmpty()) {
                    decideWithRules(a, null, null);
                }
                return;
            }
            decideWithRules(a, null, m);
            return;
        }
        decideWithRules(a, null);
    }

    /**
     * Decides deferred connections whose log time is before {@code horizonMillis} (the daemon calls
     * this as log time advances; {@link #finish()} decides everything).
     */
    public void decideBefore(long horizonMillis) {
        while (!deferred.isEmpty() && deferred.peekFirst().access().get().timeMillis() < horizonMillis) decide(pollDeferred());
        while (!deferredSessions.isEmpty() && deferredSessions.peekFirst().access().get().timeMillis() < horizonMillis) {
            decideSession(pollSession());
        }
    }

    /** Decides every deferred connection with what is known now. */
    public void finish() {
        while (!deferred.isEmpty()) decide(pollDeferred());
        while (!deferredSessions.isEmpty()) decideSession(pollSession());
    }

    /**
     * Deferred attempts decided before their time because a queue hit its bound (count or bytes):
     * each was decided with the clusters and sessions known then, not two minutes of log time later.
     */
    public long decidedEarly() {
        return decidedEarly;
    }

    private Attempt pollDeferred() {
        Attempt a = deferred.pollFirst();
        deferredBytes -= retained(a);
        return a;
    }

    private Attempt pollSession() {
        Attempt a = deferredSessions.pollFirst();
        deferredSessionBytes -= retained(a);
        return a;
    }

    /** What a deferred attempt keeps alive: its entry and its error lines. */
    static long retained(Attempt a) {
        long n = 64 + a.access().map(AccessEntry::retainedBytes).orElse(0L);
        for (int i = 0; i < a.errors().size(); i++) n += a.errors().get(i).retainedBytes();
        return n;
    }

    private void decideSession(Attempt a) {
        decideWithRules(a, sticky.ownerElsewhere(a.access().get()));
    }

    /** A refused request of a session: pinned on load balancing by the logs or by the config. */
    private boolean decideSession(Attempt a, String owner) {
        AccessEntry acc = a.access().get();
        String sid = StickySessions.sessionId(acc.target());
        String now = StickySessions.lastPeer(acc.get(Field.UPSTREAM_ADDR));
        Optional<LocationFacts> facts = config.flatMap(c -> c.factsFor(acc));
        boolean unpinned = facts.isPresent() && facts.get().upstreamServers() > 1 && !facts.get().affinity();
        List<String> ev = new ArrayList<>();
        if (owner != null) ev.add("session " + sid + " was served by " + owner + ", then this request went to " + now + " and was refused with 400");
        if (unpinned) {
            ev.add(facts.get().label() + " balances over " + facts.get().upstreamServers() + " servers without ip_hash/hash/sticky ("
                    + facts.get().upstreamWhere() + ")");
        }
        if (ev.isEmpty()) return false;
        emit(a, rules.get(STICKY), owner != null ? 0.95 : 0.9,
                owner != null ? "the session moved between back ends" : "the config balances this session-based path without affinity",
                ev, List.of());
        return true;
    }

    /** Uses nginx.conf to settle a failed upgrade or a plain request on an upgrade location. */
    private boolean decideWithConfig(Attempt a) {
        if (config.isEmpty() || a.access().isEmpty()) return false;
        AccessEntry e = a.access().get();
        Optional<LocationFacts> f = config.get().factsFor(e);
        if (f.isEmpty()) return false;
        LocationFacts lf = f.get();
        int st = e.status();
        boolean nginxItself = e.logs(Field.UPSTREAM_STATUS) && e.get(Field.UPSTREAM_STATUS).isEmpty();
        boolean backendAnswer = !nginxItself && st >= 200 && st < 500 && st != 499 && st != 413 && (st < 300 || st >= 400);
        if (a.kind() == AttemptKind.UPGRADE && !a.upgraded() && backendAnswer && !Condition.hasProblemLine(a)) {
            if (!lf.forwardsUpgrade()) {
                List<String> ev = new ArrayList<>();
                ev.add("the upgrade was answered " + st + "; " + lf.label() + " (" + lf.where() + ") does not forward it:");
                lf.problems().forEach(p -> ev.add("  " + p));
                emit(a, rules.get("missing-upgrade-headers"), 0.95, "the config shows the upgrade cannot reach the back end", ev,
                        List.of());
            } else {
                emit(a, rules.get("backend-not-websocket"), 0.9, "the config forwards the upgrade, so the back end refused it",
                        List.of(lf.label() + " (" + lf.where() + ") forwards Upgrade and Connection with HTTP/1.1, yet the back end "
                                + "answered " + st + " instead of 101"), List.of());
            }
            return true;
        }
        if (a.kind() == AttemptKind.POLLING && lf.connectionHardcoded().isPresent()) {
            emit(a, rules.get("connection-header"), 0.75, "the config sends Connection: upgrade on plain requests of this location",
                    List.of("plain request (" + a.why() + ") went through " + lf.label() + ", which sends "
                            + lf.connectionHardcoded().get() + " on every request, with no Upgrade header"), List.of());
            return true;
        }
        return false;
    }

    private void decide(Attempt a) {
        long t = clusters.timeoutFor(a.access().get().requestTimeMillis());
        if (t >= 0) emitTimeout(a, t, null);
    }

    private void decideWithRules(Attempt a, String movedFrom) {
        decideWithRules(a, movedFrom, bestMatch(a));
    }

    /** @param m {@link #bestMatch} of the attempt, already computed */
    private void decideWithRules(Attempt a, String movedFrom, Match m) {
        if (a.access().isPresent() && StickySessions.isSessionRefusal(a.access().get()) && (m == null || m.signal.confidence() < 0.95)) {
            if (decideSession(a, movedFrom)) return;
        }
        if ((m == null || m.signal.confidence() < 0.9) && decideWithConfig(a)) return;
        if (m != null) {
            emit(a, m.rule, m.signal.confidence(), m.signal.confidenceReason(), List.of(fill(m.signal.evidence(), a, m.error)), m.rule.alternatives());
            return;
        }
        boolean failed = switch (a.kind()) {
            case UPGRADE -> !a.upgraded();
            case POLLING -> a.access().get().status() >= 400;
            default -> false;
        };
        if (failed) {
            AccessEntry acc = a.access().get();
            emit(a, rules.get(UNKNOWN), 0.3, "no documented cause matches these lines",
                    List.of("WebSocket attempt (" + a.why() + ") ended with " + acc.status() + " and no rule explains it"), List.of());
        }
    }

    private record Match(Rule rule, Signal signal, ErrorEntry error) {}

    private Match bestMatch(Attempt a) {
        if (a.errors().isEmpty() && a.access().isPresent() && a.access().get().status() < 300 && !quietMatchable(a.kind())) {
            return null; // a request that went well, and no rule looks at such: the hot path of a busy host
        }
        int status = a.access().isPresent() ? a.access().get().status() : -1;
        for (RuleSignal rs : ordered()[a.kind().ordinal()]) {
            // the status prefilter rejects most signals without boxing or hashing; test() decides
            if (rs.statuses != null && (status < 0 || status >= rs.statuses.length || !rs.statuses[status])) continue;
            Signal s = rs.signal;
            if (s.when().test(a)) return new Match(rs.rule, s, s.when().matchingError(a));
        }
        return null;
    }

    /** @param statuses the signal's statuses as a lookup table, or null when it takes any status */
    private record RuleSignal(Rule rule, Signal signal, boolean[] statuses) {}

    private RuleSet orderedFor;
    private RuleSignal[][] ordered;

    /**
     * Per attempt kind, the signals that can apply to it, best first: higher confidence, then lower
     * rule priority, then file order (a stable sort). The first signal that matches is then the one
     * a full scan keeping the most confident, lowest-priority, earliest match would pick — without
     * testing the rest.
     */
    private RuleSignal[][] ordered() {
        RuleSet r = rules;
        if (r != orderedFor) {
            List<RuleSignal> all = new ArrayList<>();
            for (Rule rule : r.rules()) {
                for (Signal s : rule.signals()) {
                    boolean[] st = null;
                    if (!s.when().statuses().isEmpty()) {
                        int max = s.when().statuses().stream().mapToInt(Integer::intValue).max().orElse(0);
                        st = new boolean[Math.max(0, max + 1)];
                        for (int x : s.when().statuses()) if (x >= 0) st[x] = true;
                    }
                    all.add(new RuleSignal(rule, s, st));
                }
            }
            all.sort(java.util.Comparator.comparingDouble((RuleSignal x) -> -x.signal.confidence())
                    .thenComparingInt(x -> x.rule.priority()));
            RuleSignal[][] byKind = new RuleSignal[AttemptKind.values().length][];
            for (AttemptKind k : AttemptKind.values()) {
                byKind[k.ordinal()] = all.stream()
                        .filter(x -> appliesToKind(x.signal, k))
                        .toArray(RuleSignal[]::new);
            }
            ordered = byKind;
            orderedFor = r;
        }
        return ordered;
    }

    private RuleSet quietFor;
    private final boolean[] quiet = new boolean[AttemptKind.values().length];

    /**
     * Whether any signal could match an attempt of this kind with no error line and a status below
     * 300 (computed once per rule set): when none can, such attempts skip the rules entirely.
     */
    private boolean quietMatchable(AttemptKind kind) {
        RuleSet r = rules;
        if (r != quietFor) {
            java.util.Arrays.fill(quiet, false);
            for (Rule rule : r.rules()) {
                for (Signal s : rule.signals()) {
                    Condition c = s.when();
                    boolean lowStatus = c.statuses().isEmpty() || c.statuses().stream().anyMatch(st -> st < 300);
                    if (c.needsError() || !lowStatus) continue;
                    for (AttemptKind k : AttemptKind.values()) if (appliesToKind(s, k)) quiet[k.ordinal()] = true;
                }
            }
            quietFor = r;
        }
        return quiet[kind.ordinal()];
    }

    private RuleSet quietOtherFor;
    private final boolean[] quietOther = new boolean[1000];

    /**
     * Whether {@link #accept} does nothing at all for an attempt of kind OTHER with this status and
     * no error line: no signal names kind other without needing an error line and allowing the
     * status, and it cannot be a refused session request (status 400). The pipeline's fast path for
     * ordinary lines relies on it; keep it in step with {@link #accept} and
     * {@link #decideWithRules}.
     */
    public boolean ignoresQuietOther(int status) {
        if (status < 0 || status >= quietOther.length || status == 400) return false;
        RuleSet r = rules;
        if (r != quietOtherFor) {
            java.util.Arrays.fill(quietOther, true);
            for (Rule rule : r.rules()) {
                for (Signal s : rule.signals()) {
                    Condition c = s.when();
                    if (!c.kinds().contains(AttemptKind.OTHER) || Boolean.TRUE.equals(c.upgraded())) continue;
                    if (c.needsError()) continue;
                    if (c.statuses().isEmpty()) java.util.Arrays.fill(quietOther, false);
                    for (int st : c.statuses()) if (st >= 0 && st < quietOther.length) quietOther[st] = false;
                }
            }
            quietOtherFor = r;
        }
        return quietOther[status];
    }

    /**
     * Whether {@link #accept} does nothing at all for an attempt of kind OTHER whose access line has
     * this status and which holds these error lines, whatever else its access line holds: no
     * signal that can apply to kind OTHER and takes this status could match — each one needs an
     * upgraded connection, or an error line none of these satisfies — and the status is not a
     * refused session's (400) or an upgrade's (101). Conservative: false when a signal could match
     * without an error line (the status is then not a quiet one, see {@link #ignoresQuietOther}).
     * The pipeline counts an ordinary line that claimed such error lines without building its entry;
     * keep in step with {@link #accept}, {@link #decideWithRules} and {@link #bestMatch} (whose
     * status prefilter this repeats).
     */
    public boolean ignoresOrdinary(int status, List<ErrorEntry> errors) {
        if (status < 0 || status == 101 || status == 400) return false;
        for (RuleSignal rs : ordered()[AttemptKind.OTHER.ordinal()]) {
            if (rs.statuses != null && (status >= rs.statuses.length || !rs.statuses[status])) continue;
            Condition c = rs.signal.when();
            if (Boolean.TRUE.equals(c.upgraded())) continue; // an OTHER attempt is never upgraded (no 101)
            if (!c.needsError() || c.matchingError(errors) != null) return false;
        }
        return true;
    }

    /** Whether a signal can apply to an attempt of this kind: the kinds it names, or WebSocket traffic when it names none. */
    private static boolean appliesToKind(Signal s, AttemptKind kind) {
        if (!s.when().kinds().isEmpty()) return s.when().kinds().contains(kind);
        return kind == AttemptKind.UPGRADE || kind == AttemptKind.POLLING;
    }

    private void emitTimeout(Attempt a, long t, LocationFacts facts) {
        Rule r = rules.get(TIMEOUT);
        int near = clusters.sessionsNear(t);
        String secs = tenths(t);
        List<String> ev = new ArrayList<>();
        ev.add("upgraded connection lasted " + millis(a.access().get().requestTimeMillis()) + " s, just over " + secs + " s");
        ev.add(near + " of " + clusters.upgradedSessions() + " upgraded connections so far ended within 0.3 s after " + secs + " s");
        double conf;
        String why;
        if (facts != null) {
            ev.add(facts.label() + " (" + facts.where() + ") runs with " + facts.readTimeoutWhere());
            conf = near >= TimeoutClusters.MIN_SESSIONS ? 0.95 : 0.9;
            why = "the connection ended at this location's proxy_read_timeout";
        } else if (clusters.isKnown(t) && near >= TimeoutClusters.MIN_SESSIONS) {
            conf = 0.9;
            why = "duration at a known proxy_read_timeout, shared by " + near + " connections";
        } else if (clusters.isKnown(t)) {
            conf = 0.7;
            why = "duration at a known proxy_read_timeout (" + secs + " s), but few connections share it";
        } else {
            conf = 0.8;
            why = near + " connections ended at the same duration; no error line confirms it (error_log below info?)";
        }
        emit(a, r, conf, why, ev, r.alternatives());
    }

    private void emit(Attempt a, Rule r, double conf, String why, List<String> evidence, List<String> alternatives) {
        List<ErrorEntry> errors = a.errors();
        ErrorRef[] refs = new ErrorRef[errors.size()];
        for (int k = 0; k < refs.length; k++) refs[k] = ErrorRef.of(errors.get(k));
        List<ErrorRef> errs = List.of(refs);
        Optional<AccessEntry> acc = a.access();
        if (acc.isPresent()) {
            AccessEntry e = acc.get();
            String id = ids.nextOfAccess(e.timeMillis(), e.get(Field.REMOTE_ADDR), e.requestLine(), e.status(), e.get(Field.CONNECTION),
                    e.get(Field.PID), e.requestTimeMillis());
            out.accept(new Incident(id, r.id(), conf, why, e.time(), e.get(Field.REMOTE_ADDR), e.server(), e.requestLine(),
                    e.path(), e.status(), e.requestTimeMillis(), e.get(Field.UPSTREAM_ADDR), e.get(Field.UPSTREAM_STATUS),
                    Optional.of(e.position()), errs, evidence, r.fix(), alternatives));
        } else {
            ErrorEntry first = a.errors().get(0);
            OffsetDateTime t = first.time().atZone(errorZone).toOffsetDateTime();
            String key = "E|" + timeText(first.time()) + "|" + first.raw();
            String host = first.host().isEmpty() ? first.server() : first.host();
            out.accept(new Incident(ids.next(key), r.id(), conf, why, t, first.client(), host, first.request(),
                    pathOf(first.request()), 0, -1, upstreamPeer(first.upstream()), "", Optional.<LinePosition>empty(), errs,
                    evidence, r.fix(), alternatives));
        }
    }

    private java.time.LocalDateTime lastErrorTime;
    private String lastErrorTimeText;

    /** {@code t.toString()}, kept for the last second seen: error-only incidents come in log order, many in one second. */
    private String timeText(java.time.LocalDateTime t) {
        if (!t.equals(lastErrorTime)) {
            lastErrorTimeText = t.toString();
            lastErrorTime = t;
        }
        return lastErrorTimeText;
    }

    private static String pathOf(String request) {
        int sp = request.indexOf(' ');
        if (sp < 0) return "";
        int end = request.indexOf(' ', sp + 1);
        String t = end < 0 ? request.substring(sp + 1) : request.substring(sp + 1, end);
        int q = t.indexOf('?');
        return q >= 0 ? t.substring(0, q) : t;
    }

    private static String upstreamPeer(String upstream) {
        int s = upstream.indexOf("://");
        if (s < 0) return upstream;
        String rest = upstream.substring(s + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /**
     * The evidence template with its placeholders filled, in this order (a value may itself contain
     * a later placeholder's text, and is then filled too). A value is only computed when its
     * placeholder is present: one call per incident.
     */
    static String fill(String template, Attempt a, ErrorEntry err) {
        String out = template;
        if (a.access().isPresent()) {
            AccessEntry e = a.access().get();
            if (out.contains("{status}")) out = out.replace("{status}", Integer.toString(e.status()));
            if (out.contains("{request}")) out = out.replace("{request}", e.requestLine());
            if (out.contains("{upstream_addr}")) out = out.replace("{upstream_addr}", orDash(e.get(Field.UPSTREAM_ADDR)));
            if (out.contains("{upstream_status}")) out = out.replace("{upstream_status}", orDash(e.get(Field.UPSTREAM_STATUS)));
            if (out.contains("{duration}")) {
                out = out.replace("{duration}", e.hasDuration() ? millis(e.requestTimeMillis()) + " s" : "unknown");
            }
        }
        if (out.contains("{error}")) {
            ErrorEntry shown = err != null ? err : a.errors().isEmpty() ? null : a.errors().get(0);
            out = out.replace("{error}", shown == null ? "-" : describe(shown));
        }
        return out.contains("{why}") ? out.replace("{why}", a.why()) : out;
    }

    /** An error line as evidence: level, message, errno, action and peer, without the repeated trailer. */
    static String describe(ErrorEntry e) {
        StringBuilder sb = new StringBuilder("[").append(e.level().label()).append("] ").append(e.message());
        if (e.errno() != ErrorEntry.NO_ERRNO) sb.append(" (").append(e.errno()).append(": ").append(e.errnoText()).append(')');
        if (!e.action().isEmpty()) sb.append(" while ").append(e.action());
        if (!e.upstream().isEmpty()) sb.append(" (upstream \"").append(e.upstream()).append("\")");
        return sb.toString();
    }

    /**
     * {@code String.format(Locale.ROOT, "%.3f", ms / 1000.0)} without the Formatter (hot: one per
     * incident). For ms ≥ 0 the double's shortest decimal is exactly ms / 1000, so they agree.
     */
    static String millis(long ms) {
        if (ms < 0) return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
        return (ms / 1000) + "." + Long.toString(1000 + ms % 1000).substring(1);
    }

    /** {@code String.format(Locale.ROOT, "%.1f", ms / 1000.0)}: half up on that exact decimal. */
    static String tenths(long ms) {
        if (ms < 0) return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
        long t = (ms + 50) / 100;
        return (t / 10) + "." + (t % 10);
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
