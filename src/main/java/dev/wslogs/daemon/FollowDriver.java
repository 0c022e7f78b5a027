package dev.wslogs.daemon;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.FormatDetector;
import dev.wslogs.pipeline.Event;
import dev.wslogs.pipeline.Pipeline;
import dev.wslogs.source.Checkpoint;
import dev.wslogs.source.FileFollower;
import dev.wslogs.source.FollowedLine;
import dev.wslogs.source.FollowerListener;
import dev.wslogs.source.FollowerOptions;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Drives the pipeline from followed files. One {@link #poll()} reads everything new in every file,
 * parses it, sorts the round's events by log time (error lines first on a tie, as in a replay) and
 * feeds the pipeline. Within a round all files are read to their end, the access logs first:
 * nginx writes a connection's error lines before its access line, so every error line written
 * before an access line this round reads was already there when the error logs are read after it,
 * and a round never sees an access line without the error lines that preceded it. (Reading the
 * error logs first left a window: error and access lines written between the two reads reached
 * the pipeline in different rounds, and the access line was judged without its error lines.)
 *
 * <p>An access file's format is decided on its first lines (given format, nginx.conf, or detection
 * on up to {@value #DETECT_LINES} lines that arrive together); until then its lines wait.
 */
public final class FollowDriver implements AutoCloseable {
    static final int DETECT_LINES = 20;
    private static final Comparator<Event> ORDER = Comparator.comparingLong(Event::time)
            .thenComparingInt(e -> e instanceof Event.Access ? 1 : 0);

    /** Callbacks for counters the daemon exports; all optional. */
    public interface Observer {
        default void linesRead(String file, LogKind kind, long n) {}

        default void lastLineTime(String file, long logTimeMillis) {}
    }

    private final FileFollower access;
    private final FileFollower errors;
    private final Pipeline pipeline;
    private final ZoneId zone;
    private final Function<String, Optional<AccessFormat>> formats;
    private final Observer observer;
    private final Map<String, AccessFormat.Parser> accessParsers = new HashMap<>();
    private final Map<String, List<RawLine>> undetected = new HashMap<>();
    private final Map<String, ErrorLogParser> errorParsers = new HashMap<>();
    private final List<Event> round = new ArrayList<>();
    private final Map<String, long[]> readCounts = new HashMap<>();

    public FollowDriver(List<String> accessPaths, List<String> errorPaths, FollowerOptions options, List<Checkpoint> restored,
            InstantSource clock, FollowerListener listener, Pipeline pipeline, ZoneId zone,
            Function<String, Optional<AccessFormat>> formats, Observer observer) {
        this.pipeline = pipeline;
        this.zone = zone;
        this.formats = formats;
        this.observer = observer;
        this.access = new FileFollower(accessPaths, options, restoredFor(restored, accessPaths), clock, listener, this::onAccess);
        this.errors = new FileFollower(errorPaths, options, restoredFor(restored, errorPaths), clock, listener, this::onError);
    }

    private static List<Checkpoint> restoredFor(List<Checkpoint> all, List<String> paths) {
        List<Checkpoint> out = new ArrayList<>();
        for (Checkpoint c : all) {
            for (String p : paths) {
                if (c.path().equals(Path.of(p)) || dev.wslogs.source.PathPattern.of(p).matches(c.path())) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    /** One round; returns the number of lines read. */
    public long poll() {
        long n = access.poll(); // first: see the class comment
        n += errors.poll();
        decideWaitingFormats();
        for (ErrorLogParser p : errorParsers.values()) p.flush(); // nginx writes a message in one write()
        round.sort(ORDER);
        for (Event e : round) pipeline.accept(e);
        round.clear();
        pipeline.tick();
        readCounts.forEach((file, c) -> observer.linesRead(file, c[1] == 0 ? LogKind.ACCESS : LogKind.ERROR, c[0]));
        readCounts.clear();
        return n;
    }

    /** Positions of everything read so far (access and error files). */
    public List<Checkpoint> positions() {
        List<Checkpoint> out = new ArrayList<>(access.positions());
        out.addAll(errors.positions());
        return out;
    }

    private void onAccess(FollowedLine fl) {
        String file = fl.line().position().file();
        readCounts.computeIfAbsent(file, f -> new long[] {0, 0})[0]++;
        if (fl.line().text().isBlank()) return;
        AccessFormat.Parser p = accessParsers.get(file);
        if (p == null) {
            List<RawLine> waiting = undetected.computeIfAbsent(file, f -> new ArrayList<>());
            waiting.add(fl.line());
            Optional<AccessFormat> f = formats.apply(file);
            if (f.isEmpty() && waiting.size() < DETECT_LINES) return; // decided at the end of the round at the latest
            p = (f.isPresent() ? f.get() : FormatDetector.detect(waiting).format()).newParser();
            accessParsers.put(file, p);
            undetected.remove(file);
            for (RawLine l : waiting) parseAccess(p, l, file);
            return;
        }
        parseAccess(p, fl.line(), file);
    }

    /** Decides formats for files that had fewer than {@link #DETECT_LINES} lines this round. */
    void decideWaitingFormats() {
        for (var e : List.copyOf(undetected.entrySet())) {
            AccessFormat.Parser p = FormatDetector.detect(e.getValue()).format().newParser();
            accessParsers.put(e.getKey(), p);
            undetected.remove(e.getKey());
            for (RawLine l : e.getValue()) parseAccess(p, l, e.getKey());
        }
    }

    private void parseAccess(AccessFormat.Parser p, RawLine line, String file) {
        AccessEntry e = p.parse(line);
        if (e != null) {
            round.add(new Event.Access(e));
            observer.lastLineTime(file, e.timeMillis());
        } else if (ErrorLogParser.looksLikeErrorLine(line.text())) {
            errorParser(file).accept(line);
        } else {
            round.add(new Event.Failure(new ParseFailure(line.position(), LogKind.ACCESS, p.mismatch(line), line.text()), Long.MIN_VALUE));
        }
    }

    private void onError(FollowedLine fl) {
        String file = fl.line().position().file();
        readCounts.computeIfAbsent(file, f -> new long[] {0, 1})[0]++;
        if (fl.line().text().isBlank()) return;
        errorParser(file).accept(fl.line());
    }

    private ErrorLogParser errorParser(String file) {
        return errorParsers.computeIfAbsent(file, f -> new ErrorLogParser(this::addError,
                pf -> round.add(new Event.Failure(pf, Long.MIN_VALUE))));
    }

    private void addError(ErrorEntry e) {
        long t = e.time().atZone(zone).toInstant().toEpochMilli();
        round.add(new Event.Error(e, t));
        observer.lastLineTime(e.position().file(), t);
    }

    @Override
    public void close() {
        access.close();
        errors.close();
    }
}
