package dev.wslogs.sink.report;

import dev.wslogs.model.ErrorLevel;
import dev.wslogs.model.Field;
import dev.wslogs.parse.KnownFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The coverage advisor: what these logs cannot show, and the exact nginx lines that would make it
 * diagnosable.
 */
final class Coverage {
    static final String LOG_FORMAT_LINE = "log_format wslogs '" + KnownFormats.WSLOGS + "';";

    private Coverage() {}

    static List<String> notes(Set<Field> fields, boolean errorLogGiven, Set<ErrorLevel> levels, boolean hadAccess) {
        List<String> out = new ArrayList<>();
        if (hadAccess) {
            if (!fields.contains(Field.REQUEST_TIME)) {
                out.add("no $request_time: connection lifetimes are unknown, so idle drops at proxy_read_timeout "
                        + "(proxy-read-timeout) cannot be seen from the access log");
            }
            if (!fields.contains(Field.UPSTREAM_ADDR) || !fields.contains(Field.UPSTREAM_STATUS)) {
                out.add("no $upstream_addr/$upstream_status: who answered (nginx or the back end) and which back end held "
                        + "a session are unknown; sticky-session and missing-upgrade-headers are guesses");
            }
            if (!fields.contains(Field.CONNECTION)) {
                out.add("no $connection/$pid: error.log lines are joined by client address and request line, which is "
                        + "ambiguous for busy clients");
            }
            if (!fields.contains(Field.HTTP_UPGRADE)) {
                out.add("no $http_upgrade: an upgrade attempt is only recognised by status 101 or a WebSocket path; failed "
                        + "upgrades on other paths are invisible");
            }
        }
        if (!errorLogGiven) {
            out.add("no error.log given: backend-down, tls, upstream-reset and most 502 causes are inferred from status "
                    + "codes only");
        } else if (!levels.contains(ErrorLevel.INFO)) {
            out.add("no [info] lines in error.log: client resets and nginx's own idle-timeout message are not logged at the "
                    + "default level; set `error_log /var/log/nginx/error.log info;`");
        }
        if (!out.isEmpty()) {
            out.add("recommended: " + LOG_FORMAT_LINE + "  access_log /var/log/nginx/access.log wslogs;");
        }
        return out;
    }
}
