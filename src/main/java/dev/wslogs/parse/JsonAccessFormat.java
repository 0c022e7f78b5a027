package dev.wslogs.parse;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.model.RawLine;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An {@code escape=json} access log: one JSON object per line. Keys map to nginx variables through
 * the log_format template when it is known ({@code "rt":"$request_time"} maps {@code rt}); without
 * a template a key maps by its own name ({@code request_time}, {@code status}, …) or a common alias.
 * Control characters that nginx escaped ({@code \n}, {@code \u0001}) stay escaped in values.
 */
public final class JsonAccessFormat implements AccessFormat {
    private static final Map<String, Field> ALIASES = Map.ofEntries(
            Map.entry("time", Field.TIME_ISO8601),
            Map.entry("timestamp", Field.TIME_ISO8601),
            Map.entry("@timestamp", Field.TIME_ISO8601),
            Map.entry("client", Field.REMOTE_ADDR),
            Map.entry("client_ip", Field.REMOTE_ADDR),
            Map.entry("remote_ip", Field.REMOTE_ADDR),
            Map.entry("method", Field.REQUEST_METHOD),
            Map.entry("uri", Field.REQUEST_URI),
            Map.entry("path", Field.REQUEST_URI),
            Map.entry("referer", Field.HTTP_REFERER),
            Map.entry("referrer", Field.HTTP_REFERER),
            Map.entry("user_agent", Field.HTTP_USER_AGENT),
            Map.entry("ua", Field.HTTP_USER_AGENT),
            Map.entry("upgrade", Field.HTTP_UPGRADE),
            Map.entry("duration", Field.REQUEST_TIME),
            Map.entry("rt", Field.REQUEST_TIME),
            Map.entry("urt", Field.UPSTREAM_RESPONSE_TIME),
            Map.entry("upstream", Field.UPSTREAM_ADDR),
            Map.entry("bytes_sent", Field.BYTES_SENT));

    private final String name;
    private final String template;
    private final Map<String, Field> keys;
    private final boolean byName;
    private final Set<Field> fields;
    /** Keys seen in the sample that map to no field (a by-name format's parser ignores them). */
    private final Set<String> ignoredKeys;

    private JsonAccessFormat(String name, String template, Map<String, Field> keys, boolean byName, Set<String> ignoredKeys) {
        this.name = name;
        this.ignoredKeys = Set.copyOf(ignoredKeys);
        this.template = template;
        this.keys = Map.copyOf(keys);
        this.byName = byName;
        EnumSet<Field> fs = EnumSet.noneOf(Field.class);
        fs.addAll(keys.values());
        this.fields = Collections.unmodifiableSet(fs);
    }

    /** Compiles from an escape=json log_format template: each {@code "key":"$var"} pair maps key → var. */
    public static JsonAccessFormat fromTemplate(String name, String template) {
        Map<String, Field> keys = new HashMap<>();
        boolean ok = FlatJson.forEach(template, (k, v) -> {
            String t = v.trim();
            if (t.startsWith("$")) {
                String var = t.startsWith("${") && t.endsWith("}") ? t.substring(2, t.length() - 1) : t.substring(1);
                if (var.chars().allMatch(c -> LogFormatTemplate.isNameChar((char) c))) {
                    Field f = Field.forVariable(var);
                    if (f != null) keys.put(k, f);
                }
            }
        });
        if (!ok) {
            throw new IllegalArgumentException("log_format " + name + " is escape=json but its template is not a JSON object: " + template);
        }
        return new JsonAccessFormat(name, template, keys, false, Set.of());
    }

    /** For auto-detected JSON logs: keys named like the variables, plus common aliases. */
    public static JsonAccessFormat byKeyNames(Set<String> sampleKeys) {
        Map<String, Field> keys = new HashMap<>();
        Set<String> ignored = new java.util.HashSet<>();
        for (String k : sampleKeys) {
            Field f = fieldForKey(k);
            if (f != null) keys.put(k, f);
            else ignored.add(k);
        }
        return new JsonAccessFormat("json (keys by name)", "", keys, true, ignored);
    }

    static Field fieldForKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
        if (k.startsWith("$")) k = k.substring(1);
        Field f = Field.forVariable(k);
        return f != null ? f : ALIASES.get(k);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public Set<Field> fields() {
        return fields;
    }

    /**
     * A scanner that reads an ordinary line's deciding values from its bytes, giving what this
     * format's parser would ({@link JsonLineScanner}), or null when the format is outside what it handles.
     */
    public JsonLineScanner newLineScanner() {
        return JsonLineScanner.of(keys, ignoredKeys, byName, fields);
    }

    @Override
    public Parser newParser() {
        return new Parser() {
            private final EntryBuilder builder = new EntryBuilder(EntryBuilder.loggedMask(fields));

            @Override
            public AccessEntry parse(RawLine line) {
                String[] values = new String[Field.COUNT];
                boolean ok = FlatJson.forEach(line.text(), (k, v) -> {
                    Field f = keys.get(k);
                    if (f == null && byName) f = fieldForKey(k);
                    if (f != null) values[f.ordinal()] = v;
                });
                if (!ok) return null;
                if (values[Field.TIME_ISO8601.ordinal()] != null && values[Field.TIME_ISO8601.ordinal()].indexOf('/') > 0) {
                    // an aliased "time" key that holds $time_local text
                    values[Field.TIME_LOCAL.ordinal()] = values[Field.TIME_ISO8601.ordinal()];
                    values[Field.TIME_ISO8601.ordinal()] = null;
                }
                return builder.build(line.position(), values);
            }

            @Override
            public String mismatch(RawLine line) {
                if (!FlatJson.forEach(line.text(), (k, v) -> {})) return "not a JSON object";
                parse(line);
                return builder.error() == null ? "unknown" : builder.error();
            }
        };
    }
}
