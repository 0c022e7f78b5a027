package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The argument counts and block shape nginx declares (NGX_CONF_TAKE1, NGX_CONF_BLOCK, ...) for the
 * directives wslogs reads. nginx's tokenizer cannot see a missing {@code ;} in the middle of a block
 * — {@code proxy_pass http://b} followed by {@code proxy_set_header ...;} is one statement — and
 * nginx then reports {@code invalid number of arguments}. Checking the directives we rely on catches
 * that mistake the same way. Unknown directives (third-party modules) are not checked, and nothing
 * inside blocks whose children are data rather than directives ({@code map}, {@code types}, ...).
 */
final class DirectiveArity {

    /** Blocks whose entries are key/value data, not directives. */
    static final Set<String> DATA_BLOCKS = Set.of("map", "geo", "types", "split_clients", "charset_map");

    enum Shape { SIMPLE, BLOCK }

    record Rule(int min, int max, Shape shape, boolean flag) {
        boolean accepts(int count) {
            return count >= min && count <= max;
        }
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, Rule> RULES = Map.ofEntries(
            block("http", 0, 0), block("events", 0, 0), block("stream", 0, 0), block("mail", 0, 0),
            block("location", 1, 2), block("upstream", 1, 1), block("map", 2, 2), block("if", 1, MANY),
            block("limit_except", 1, MANY), block("geo", 1, 2), block("types", 0, 0),
            block("split_clients", 2, 2),
            simple("include", 1, 1), simple("listen", 1, MANY), simple("server_name", 1, MANY),
            simple("root", 1, 1), simple("alias", 1, 1), simple("index", 1, MANY),
            simple("try_files", 2, MANY), simple("return", 1, 2), simple("rewrite", 2, 3),
            simple("set", 2, 2), simple("break", 0, 0),
            simple("proxy_pass", 1, 1), simple("fastcgi_pass", 1, 1), simple("uwsgi_pass", 1, 1),
            simple("scgi_pass", 1, 1), simple("grpc_pass", 1, 1), simple("memcached_pass", 1, 1),
            simple("proxy_http_version", 1, 1), simple("proxy_set_header", 2, 2),
            simple("proxy_read_timeout", 1, 1), simple("proxy_send_timeout", 1, 1),
            simple("proxy_connect_timeout", 1, 1), flag("proxy_buffering"),
            flag("proxy_request_buffering"), simple("proxy_cache", 1, 1), simple("proxy_redirect", 1, 2),
            flag("proxy_ssl_verify"), simple("proxy_hide_header", 1, 1), simple("proxy_pass_header", 1, 1),
            simple("proxy_buffer_size", 1, 1), simple("proxy_buffers", 2, 2),
            simple("add_header", 2, 3), simple("client_max_body_size", 1, 1),
            simple("keepalive_timeout", 1, 2), flag("sendfile"), flag("tcp_nodelay"),
            simple("default_type", 1, 1), simple("log_format", 2, MANY), simple("access_log", 1, MANY),
            simple("error_log", 1, MANY), simple("ssl_certificate", 1, 1),
            simple("ssl_certificate_key", 1, 1), simple("ip_hash", 0, 0), simple("least_conn", 0, 0),
            simple("hash", 1, 2), simple("random", 0, 2), simple("keepalive", 1, 1),
            simple("worker_processes", 1, 1), simple("worker_connections", 1, 1), simple("pid", 1, 1),
            simple("user", 1, 2));

    private DirectiveArity() {
    }

    static Optional<Rule> rule(String name) {
        return Optional.ofNullable(RULES.get(name));
    }

    /** Whether a word would be read as a directive name by nginx (used to hint at a missing ";"). */
    static boolean isKnownDirective(String word) {
        return RULES.containsKey(word) || List.of("server", "location").contains(word);
    }

    private static Map.Entry<String, Rule> block(String name, int min, int max) {
        return Map.entry(name, new Rule(min, max, Shape.BLOCK, false));
    }

    private static Map.Entry<String, Rule> simple(String name, int min, int max) {
        return Map.entry(name, new Rule(min, max, Shape.SIMPLE, false));
    }

    private static Map.Entry<String, Rule> flag(String name) {
        return Map.entry(name, new Rule(1, 1, Shape.SIMPLE, true));
    }
}
