package dev.wslogs.classify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wslogs.correlate.AttemptKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one rule file. Unknown keys are errors, so a typo never silently weakens a rule. */
final class RuleParser {
    private static final Set<String> RULE_KEYS = Set.of("id", "title", "summary", "fix", "priority", "signals", "alternatives", "examples");
    private static final Set<String> SIGNAL_KEYS = Set.of("when", "confidence", "evidence", "why");
    private static final Set<String> WHEN_KEYS = Set.of("kind", "status", "upgraded", "error", "error_level", "error_action",
            "no_errors", "request_matches", "upstream_status", "upstream_logged", "nginx_answered");
    private static final Set<String> EXAMPLE_KEYS = Set.of("format", "access", "errors", "expect");

    private RuleParser() {}

    static Rule parse(String source, String text) throws RuleLoadException {
        JsonNode root;
        try {
            root = YamlTree.read(text);
        } catch (Exception e) {
            throw new RuleLoadException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new RuleLoadException(source + ": expected a mapping at the top level");
        checkKeys(source, "", root, RULE_KEYS);
        String id = text(source, root, "id", true);
        if (!id.matches("[a-z][a-z0-9-]*")) throw new RuleLoadException(source + ": field 'id': must be lower-case words joined by '-', got '" + id + "'");
        List<Signal> signals = new ArrayList<>();
        JsonNode sig = root.get("signals");
        if (sig != null && !sig.isArray()) throw new RuleLoadException(source + ": field 'signals': expected a list");
        if (sig != null) {
            for (int i = 0; i < sig.size(); i++) signals.add(signal(source + ": signals[" + i + "]", sig.get(i)));
        }
        List<Rule.Example> examples = new ArrayList<>();
        JsonNode ex = root.get("examples");
        if (ex != null) {
            if (!ex.isArray()) throw new RuleLoadException(source + ": field 'examples': expected a list");
            for (int i = 0; i < ex.size(); i++) {
                String where = source + ": examples[" + i + "]";
                JsonNode e = ex.get(i);
                checkKeys(where, "", e, EXAMPLE_KEYS);
                examples.add(new Rule.Example(
                        e.has("format") ? text(where, e, "format", true) : "extended",
                        e.has("access") ? text(where, e, "access", true) : "",
                        strings(where, e, "errors"),
                        text(where, e, "expect", true)));
            }
        }
        int priority = root.has("priority") ? root.get("priority").asInt(100) : 100;
        return new Rule(id, text(source, root, "title", true), text(source, root, "summary", true), text(source, root, "fix", true),
                priority, signals, strings(source, root, "alternatives"), examples, source);
    }

    private static Signal signal(String where, JsonNode n) throws RuleLoadException {
        if (!n.isObject()) throw new RuleLoadException(where + ": expected a mapping");
        checkKeys(where, "", n, SIGNAL_KEYS);
        JsonNode w = n.get("when");
        if (w == null || !w.isObject()) throw new RuleLoadException(where + ": field 'when': required mapping");
        checkKeys(where, "when.", w, WHEN_KEYS);
        Set<AttemptKind> kinds = EnumSet.noneOf(AttemptKind.class);
        for (String k : strings(where, w, "kind")) {
            try {
                kinds.add(AttemptKind.valueOf(k.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new RuleLoadException(where + ": field 'when.kind': unknown kind '" + k + "' (upgrade, polling, other, error-only)");
            }
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        JsonNode st = w.get("status");
        if (st != null) {
            for (JsonNode s : st.isArray() ? st : List.of(st)) {
                if (!s.canConvertToInt()) throw new RuleLoadException(where + ": field 'when.status': expected status codes, got " + s);
                statuses.add(s.asInt());
            }
        }
        Pattern req = null;
        if (w.has("request_matches")) {
            String r = text(where, w, "request_matches", true);
            try {
                req = Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new RuleLoadException(where + ": field 'when.request_matches': bad regex: " + e.getDescription());
            }
        }
        Set<String> levels = new LinkedHashSet<>(strings(where, w, "error_level"));
        Condition c = new Condition(kinds, statuses,
                w.has("upgraded") ? w.get("upgraded").asBoolean() : null,
                strings(where, w, "error"), levels,
                w.has("error_action") ? text(where, w, "error_action", true).toLowerCase(Locale.ROOT) : null,
                w.has("no_errors") && w.get("no_errors").asBoolean(),
                req,
                w.has("upstream_status") ? text(where, w, "upstream_status", true) : null,
                w.has("upstream_logged") ? w.get("upstream_logged").asBoolean() : null,
                w.has("nginx_answered") ? w.get("nginx_answered").asBoolean() : null);
        JsonNode conf = n.get("confidence");
        if (conf == null || !conf.isNumber() || conf.asDouble() < 0 || conf.asDouble() > 1) {
            throw new RuleLoadException(where + ": field 'confidence': required number between 0 and 1");
        }
        return new Signal(c, conf.asDouble(), text(where, n, "evidence", true), n.has("why") ? text(where, n, "why", true) : "");
    }

    private static void checkKeys(String where, String prefix, JsonNode n, Set<String> allowed) throws RuleLoadException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new RuleLoadException(where + ": unknown field '" + prefix + k + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(String where, JsonNode n, String key, boolean required) throws RuleLoadException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) throw new RuleLoadException(where + ": field '" + key + "': required");
            return "";
        }
        if (!v.isValueNode()) throw new RuleLoadException(where + ": field '" + key + "': expected text");
        return v.asText();
    }

    private static List<String> strings(String where, JsonNode n, String key) throws RuleLoadException {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) throw new RuleLoadException(where + ": field '" + key + "': expected text or a list of text");
        for (JsonNode e : v) {
            if (!e.isValueNode()) throw new RuleLoadException(where + ": field '" + key + "': expected text items");
            out.add(e.asText());
        }
        return out;
    }
}
