package dev.wslogs.classify;

import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptKind;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.Field;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code when:} part of a signal: every given key must hold. Error keys are satisfied by one
 * error line that meets all of them together ({@code error}, {@code error_level},
 * {@code error_action}).
 *
 * @param statuses        access {@code $status} one of these (empty = any)
 * @param upgraded        must (true) / must not (false) be a 101; null = either
 * @param errorContains   one error line contains any of these; empty = no requirement
 * @param errorLevels     …at one of these levels
 * @param errorAction     …whose {@code while} action contains this
 * @param noErrors        true: no joined error line at [warn] or above
 * @param requestMatches  regex the request line must find
 * @param upstreamStatus  {@code $upstream_status} contains this
 * @param upstreamLogged  true: the format logs $upstream_status and this line has a value
 * @param nginxAnswered   true: the format logs $upstream_status and it is empty — nginx answered
 *                        itself, no back end was asked; false: not known to be so; null: either
 */
public record Condition(
        Set<AttemptKind> kinds,
        Set<Integer> statuses,
        Boolean upgraded,
        List<String> errorContains,
        Set<String> errorLevels,
        String errorAction,
        boolean noErrors,
        Pattern requestMatches,
        String upstreamStatus,
        Boolean upstreamLogged,
        Boolean nginxAnswered) {

    public boolean test(Attempt at) {
        if (!kinds.isEmpty() && !kinds.contains(at.kind())) return false;
        Optional<AccessEntry> acc = at.access();
        if (!statuses.isEmpty() && (acc.isEmpty() || !statuses.contains(acc.get().status()))) return false;
        if (upgraded != null && at.upgraded() != upgraded) return false;
        if (noErrors && hasProblemLine(at)) return false;
        if (upstreamStatus != null && (acc.isEmpty() || !acc.get().get(Field.UPSTREAM_STATUS).contains(upstreamStatus))) return false;
        if (upstreamLogged != null) {
            boolean has = acc.isPresent() && !acc.get().get(Field.UPSTREAM_STATUS).isEmpty();
            if (has != upstreamLogged) return false;
        }
        if (nginxAnswered != null) {
            boolean itself = acc.isPresent() && acc.get().logs(Field.UPSTREAM_STATUS) && acc.get().get(Field.UPSTREAM_STATUS).isEmpty();
            if (itself != nginxAnswered) return false;
        }
        if (needsError() && matchingError(at) == null) return false;
        // the regex last: it is the only costly test, and most attempts fail an earlier one
        return requestMatches == null || (acc.isPresent() && requestMatches.matcher(acc.get().requestLine()).find());
    }

    /**
     * Whether a joined line reports a problem: [warn] or more severe. [info]/[notice] lines such as
     * "client closed keepalive connection" accompany healthy requests at `error_log … info`.
     */
    static boolean hasProblemLine(Attempt at) {
        List<ErrorEntry> errors = at.errors();
        for (int i = 0; i < errors.size(); i++) { // indexed: every attempt with error lines passes here
            if (errors.get(i).level().compareTo(dev.wslogs.model.ErrorLevel.WARN) <= 0) return true;
        }
        return false;
    }

    private boolean containsAny(String raw) {
        for (int i = 0; i < errorContains.size(); i++) if (raw.contains(errorContains.get(i))) return true;
        return false;
    }

    /** Whether it names error keys (contains, levels or action): then only an attempt with a matching error line passes. */
    public boolean needsError() {
        return !errorContains.isEmpty() || !errorLevels.isEmpty() || errorAction != null;
    }

    /** The first error line that satisfies the error keys, or null. */
    public ErrorEntry matchingError(Attempt at) {
        return matchingError(at.errors());
    }

    /** The first of these error lines that satisfies the error keys, or null. */
    public ErrorEntry matchingError(List<ErrorEntry> errors) {
        for (int i = 0; i < errors.size(); i++) { // indexed: no iterator per signal tested
            ErrorEntry e = errors.get(i);
            if (!errorLevels.isEmpty() && !errorLevels.contains(e.level().label())) continue;
            if (errorAction != null && !e.actionContainsIgnoreCase(errorAction)) continue;
            if (!errorContains.isEmpty() && !containsAny(e.raw())) continue;
            return e;
        }
        return null;
    }
}
