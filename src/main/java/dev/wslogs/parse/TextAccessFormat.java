package dev.wslogs.parse;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.model.LineLayout;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A text {@code log_format} (escape default or none) compiled to a matcher.
 *
 * <p>Each variable's value runs to the next occurrence of the literal that follows it. Two facts
 * of nginx make that exact in practice: with default escaping a value never contains a raw
 * {@code "} (it is written {@code \x22}), so quoted fields end at the first quote; and the
 * {@code $upstream_*} lists, the only built-in values with spaces outside quotes, have a grammar
 * ({@code item(", " item | " : " item)*}) that is matched as such. When a literal also occurs inside
 * a value (escape=none, hand-made formats) the matcher backtracks to the next occurrence, within a
 * small budget.
 */
public final class TextAccessFormat implements AccessFormat {
    private static final int BACKTRACK_BUDGET = 256;
    private static final Set<Field> NUMERIC = EnumSet.of(Field.STATUS, Field.BODY_BYTES_SENT, Field.BYTES_SENT, Field.REQUEST_LENGTH,
            Field.REQUEST_TIME, Field.MSEC, Field.CONNECTION, Field.CONNECTION_REQUESTS, Field.PID, Field.CONNECTION_TIME);

    private final String name;
    private final LogFormatTemplate template;
    private final Escape escape;
    private final boolean allowTrailing;
    private final String[] literals; // literal before variable i (index 0 = prefix); length vars+1
    private final int[] fieldIndex; // per variable: Field ordinal or -1
    private final boolean[] isList;
    private final boolean[] numeric; // built-ins nginx prints as numbers: a value that is not one is a mismatch
    private final Set<Field> fields;
    /** Where each field is in a line, for the entries of the scanned parser (decoded when read). */
    private final LineLayout layout;

    public TextAccessFormat(String name, LogFormatTemplate template, Escape escape, boolean allowTrailing) {
        if (escape == Escape.JSON) throw new IllegalArgumentException("escape=json formats are JSON, use JsonAccessFormat");
        this.name = name;
        this.template = template;
        this.escape = escape;
        this.allowTrailing = allowTrailing;
        List<LogFormatTemplate.Segment> segs = template.segments();
        int vars = (int) segs.stream().filter(s -> s instanceof LogFormatTemplate.Variable).count();
        literals = new String[vars + 1];
        fieldIndex = new int[vars];
        isList = new boolean[vars];
        numeric = new boolean[vars];
        EnumSet<Field> fs = EnumSet.noneOf(Field.class);
        int v = 0;
        StringBuilder lit = new StringBuilder();
        for (LogFormatTemplate.Segment s : segs) {
            if (s instanceof LogFormatTemplate.Literal l) {
                lit.append(l.text());
            } else if (s instanceof LogFormatTemplate.Variable var) {
                literals[v] = lit.toString();
                lit.setLength(0);
                Field f = Field.forVariable(var.name());
                fieldIndex[v] = f == null ? -1 : f.ordinal();
                isList[v] = var.name().startsWith("upstream_") && !var.name().startsWith("upstream_http_")
                        && !var.name().startsWith("upstream_cookie_");
                if (f != null) fs.add(f);
                numeric[v] = f != null && NUMERIC.contains(f);
                v++;
            }
        }
        literals[vars] = lit.toString();
        fields = Collections.unmodifiableSet(fs);
        layout = LineLayout.of(fieldIndex, escape == Escape.DEFAULT ? TextAccessFormat::unescape : null);
    }

    public static TextAccessFormat of(String name, String template) {
        return new TextAccessFormat(name, LogFormatTemplate.compile(template), Escape.DEFAULT, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String template() {
        return template.source();
    }

    @Override
    public Set<Field> fields() {
        return fields;
    }

    public boolean allowsTrailing() {
        return allowTrailing;
    }

    public TextAccessFormat withTrailing() {
        return new TextAccessFormat(name, template, escape, true);
    }

    @Override
    public Parser newParser() {
        return new TextParser();
    }

    /**
     * A scanner that reads the deciding values of a line straight from its bytes, or {@code null}
     * when this format is outside what it handles (see {@link AccessLineScanner#of}). One per thread.
     */
    public AccessLineScanner newScanner() {
        return AccessLineScanner.of(literals, fieldIndex, isList, numeric, fields, allowTrailing);
    }

    /**
     * A parser of raw line bytes for lines the byte scanner accepts, or null when the format has no
     * scanner. It gives the entry the full parser gives the decoded line (the scanner's match is
     * the matcher's first choice, on ASCII bytes that decode to the same characters) without
     * decoding the line or running the backtracking matcher.
     */
    public ScannedParser newScannedParser() {
        AccessLineScanner scanner = newScanner();
        return scanner == null ? null : new ScannedParser(scanner);
    }

    /** The fields {@link EntryBuilder#build} reads: decoded when an entry is built, the others when asked for. */
    private static final int[] BUILDER_FIELDS = {Field.TIME_LOCAL.ordinal(), Field.TIME_ISO8601.ordinal(), Field.MSEC.ordinal(),
            Field.STATUS.ordinal(), Field.REQUEST_TIME.ordinal()};

    /** What {@link ScannedParser#claimKeys} reads: an ordinary line's claim on pending error lines. */
    public static final class ClaimKeys {
        public int status;
        public long startMillis;
        public long pid;
    }

    /** See {@link #newScannedParser()}. Not thread-safe: one per thread. */
    public final class ScannedParser {
        private final AccessLineScanner scanner;
        private final EntryBuilder builder = new EntryBuilder(EntryBuilder.loggedMask(fields));

        private ScannedParser(AccessLineScanner scanner) {
            this.scanner = scanner;
            this.scratch = new int[scanner.spanInts()];
        }

        /** The scanner whose spans {@link #fromSpans} reads. */
        public AccessLineScanner scanner() {
            return scanner;
        }

        /**
         * The entry of the line the scanner last matched ({@link AccessLineScanner#matchAscii} true),
         * or null when the entry builder rejects its values (the full parser would too: use it for
         * the reason).
         */
        public AccessEntry fromSpans(byte[] b, LinePosition position) {
            scanner.copySpans(scratch, 0);
            return fromSpans(b, scratch, 0, position);
        }

        /**
         * Of the line the scanner last matched: what its entry would give for
         * {@link AccessEntry#status}, {@link AccessEntry#startMillis} and {@link AccessEntry#pidNumber}
         * (-1 when {@code $pid} is not logged), without building it; {@code timeMillis} is the
         * entry's time, as the scanner read it. False when the status would not read as a number
         * (then build the entry).
         */
        public boolean claimKeys(byte[] b, long timeMillis, ClaimKeys out) {
            scanner.copySpans(scratch, 0);
            return claimKeys(b, scratch, 0, timeMillis, out);
        }

        /** {@link #claimKeys(byte[], long, ClaimKeys)} of a line whose spans were kept with {@link AccessLineScanner#copySpans}. */
        public boolean claimKeys(byte[] b, int[] stored, int at, long timeMillis, ClaimKeys out) {
            String st = builderText(b, stored, at, Field.STATUS);
            int status = st == null ? 0 : EntryBuilder.parseStatus(st);
            if (status < 0) return false;
            String rts = builderText(b, stored, at, Field.REQUEST_TIME);
            long rt = rts == null || rts.isEmpty() ? -1 : TimeParser.secondsToMillis(rts);
            out.status = status;
            out.startMillis = rt < 0 ? timeMillis : timeMillis - rt;
            String pid = builderText(b, stored, at, Field.PID);
            out.pid = pid == null ? -1 : AccessEntry.numberOf(pid);
            return true;
        }

        /** A value as the entry holds it ({@code -} is {@code ""}); null when the format does not log it. */
        private String builderText(byte[] b, int[] stored, int at, Field f) {
            int v = layout.variableOfField()[f.ordinal()];
            if (v < 0) return null;
            return layout.value(b, stored[at + 2 * v], stored[at + 2 * v + 1]);
        }

        /** The last match's spans, for {@link #fromSpans(byte[], LinePosition)} (the entry gets its own, relative copy). */
        private final int[] scratch;

        /**
         * {@link #fromSpans(byte[], LinePosition)} of a line matched earlier, whose spans were kept
         * with {@link AccessLineScanner#copySpans} ({@code stored} from {@code at}): no second match.
         */
        public AccessEntry fromSpans(byte[] b, int[] stored, int at, LinePosition position) {
            // The entry keeps the line's bytes and decodes a value when it is first read (most are
            // never read); the values the builder reads are decoded now, exactly as the rest will be.
            int vars = fieldIndex.length;
            int lineFrom = stored[at] - literals[0].length();
            int lineTo = stored[at + 2 * vars - 1] + literals[vars].length();
            byte[] line = java.util.Arrays.copyOfRange(b, lineFrom, lineTo);
            int[] spans = new int[2 * vars];
            for (int i = 0; i < 2 * vars; i++) spans[i] = stored[at + i] - lineFrom;
            String[] values = new String[Field.COUNT];
            for (int fi : BUILDER_FIELDS) {
                int v = layout.variableOfField()[fi];
                if (v < 0) continue;
                values[fi] = layout.text(line, spans[2 * v], spans[2 * v + 1]);
            }
            return builder.build(position, values, line, spans, layout);
        }
    }

    private final class TextParser implements Parser {
        private final EntryBuilder builder = new EntryBuilder(EntryBuilder.loggedMask(fields));
        private final String[] scratch = new String[fieldIndex.length];
        private int budget;
        private int failAt;

        @Override
        public AccessEntry parse(RawLine line) {
            String s = line.text();
            budget = BACKTRACK_BUDGET;
            failAt = 0;
            if (!s.startsWith(literals[0])) return null;
            if (!matchVar(s, literals[0].length(), 0)) return null;
            String[] values = new String[Field.COUNT];
            for (int i = 0; i < scratch.length; i++) {
                int fi = fieldIndex[i];
                if (fi >= 0) values[fi] = escape == Escape.DEFAULT ? unescape(scratch[i]) : scratch[i];
            }
            return builder.build(line.position(), values);
        }

        @Override
        public String mismatch(RawLine line) {
            String s = line.text();
            if (!s.startsWith(literals[0])) return "expected " + show(literals[0]) + " at column 1";
            budget = BACKTRACK_BUDGET;
            failAt = 0;
            if (!matchVar(s, literals[0].length(), 0)) {
                return "does not match log_format " + name + " (first mismatch near column " + (failAt + 1) + ")";
            }
            String[] values = new String[Field.COUNT];
            for (int i = 0; i < scratch.length; i++) if (fieldIndex[i] >= 0) values[fieldIndex[i]] = scratch[i];
            builder.build(line.position(), values);
            return builder.error() == null ? "unknown" : builder.error();
        }

        /** Matches variable {@code v} starting at {@code pos}, then the rest. */
        private boolean matchVar(String s, int pos, int v) {
            if (v == scratch.length) {
                return pos == s.length() || (allowTrailing && s.charAt(pos) == ' ');
            }
            String next = literals[v + 1];
            boolean last = v + 1 == scratch.length;
            if (next.isEmpty()) {
                if (!last) { // adjacent variables: give this one nothing, the next takes the text
                    scratch[v] = "";
                    return matchVar(s, pos, v + 1);
                }
                int end = allowTrailing ? endOfToken(s, pos) : s.length();
                if (numeric[v] && !isNumber(s, pos, end)) return fail(pos);
                scratch[v] = s.substring(pos, end);
                return true;
            }
            if (isList[v] && next.charAt(0) == ' ') {
                int end = endOfList(s, pos);
                if (!s.startsWith(next, end)) return fail(end);
                scratch[v] = s.substring(pos, end);
                return matchRest(s, end + next.length(), v + 1);
            }
            int idx = s.indexOf(next, pos);
            if (idx < 0) return fail(pos);
            while (idx >= 0 && budget-- > 0) {
                if (numeric[v] && !isNumber(s, pos, idx)) return fail(pos);
                scratch[v] = s.substring(pos, idx);
                if (matchRest(s, idx + next.length(), v + 1)) return true;
                idx = s.indexOf(next, idx + 1);
            }
            return false;
        }

        private boolean matchRest(String s, int pos, int v) {
            if (v == scratch.length) {
                if (pos == s.length() || (allowTrailing && pos < s.length() && s.charAt(pos) == ' ')) return true;
                return fail(pos);
            }
            return matchVar(s, pos, v);
        }

        private boolean fail(int pos) {
            failAt = Math.max(failAt, pos);
            return false;
        }
    }

    private static boolean isNumber(String s, int from, int to) {
        if (to - from == 1 && s.charAt(from) == '-') return true;
        if (to == from) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') return false;
        }
        return true;
    }

    private static int endOfToken(String s, int pos) {
        int sp = s.indexOf(' ', pos);
        return sp < 0 ? s.length() : sp;
    }

    /** End of an {@code $upstream_*} list: items separated by {@code ", "} or {@code " : "}. */
    static int endOfList(String s, int pos) {
        int n = s.length();
        int i = pos;
        while (true) {
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ',') i++;
            if (i + 1 < n && s.charAt(i) == ',' && s.charAt(i + 1) == ' ' && i + 2 < n && s.charAt(i + 2) != ' ') {
                i += 2;
            } else if (i + 3 < n && s.charAt(i) == ' ' && s.charAt(i + 1) == ':' && s.charAt(i + 2) == ' ') {
                i += 3;
            } else {
                return i;
            }
        }
    }

    /** Undoes nginx's default escaping for {@code "} and {@code \}; other escapes stay visible. */
    static String unescape(String v) {
        if (v.indexOf('\\') < 0) return v;
        return v.replace("\\x22", "\"").replace("\\x5C", "\\").replace("\\x5c", "\\");
    }

    private static String show(String lit) {
        return "\"" + lit + "\"";
    }
}
