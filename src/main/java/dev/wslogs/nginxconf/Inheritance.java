package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which directive applies at a point of the configuration, following nginx's merge of a block's
 * settings with its parent's ({@code merge_loc_conf}, {@code merge_srv_conf}): the innermost level
 * that sets a directive wins. Levels are the scope's blocks from the innermost outwards, then the
 * main context.
 *
 * <p>Array directives ({@code proxy_set_header}, {@code add_header}, {@code access_log},
 * {@code error_log}, {@code allow}/{@code deny}, ...) are inherited as a whole and only by a level
 * that sets none of them: one {@code proxy_set_header X-Foo} in a location drops every
 * {@code proxy_set_header} of the server and http levels.
 *
 * <p>Not inherited at all: content handlers ({@code proxy_pass} and the other {@code *_pass}) —
 * only into {@code if} and {@code limit_except} blocks of the location that sets them; the rewrite
 * module ({@code return}, {@code rewrite}, {@code set}, {@code break}, {@code if}), whose
 * server-level directives run in their own phase before a location is chosen; {@code try_files};
 * and blocks ({@code location}, {@code server}, ...).
 */
final class Inheritance {

    private static final Set<String> HANDLERS = Set.of(
            "proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "memcached_pass", "grpc_pass");
    private static final Set<String> LOCAL_ONLY = Set.of(
            "return", "rewrite", "set", "break", "if", "try_files", "location", "limit_except", "server",
            "upstream", "map", "include", "http", "events", "stream", "mail", "types", "geo", "split_clients");
    private static final Set<String> NONAME_BLOCKS = Set.of("if", "limit_except");
    /** Directives that fill one array together: setting either stops inheritance of both. */
    private static final List<Set<String>> SHARED_ARRAYS = List.of(Set.of("allow", "deny"));

    /** One level of the walk: the block's scope and its direct children. */
    record Level(Scope scope, List<Directive> directives) {}

    private final List<Directive> main;

    Inheritance(List<Directive> main) {
        this.main = main;
    }

    Optional<Directive> effective(String name, Scope scope) {
        List<Directive> all = effectiveAll(name, scope);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    List<Directive> effectiveAll(String name, Scope scope) {
        return winningLevel(name, scope).map(l -> named(l.directives(), name)).orElse(List.of());
    }

    /** The innermost level whose settings for {@code name} apply at {@code scope}. */
    Optional<Level> winningLevel(String name, Scope scope) {
        Set<String> group = groupOf(name);
        for (Level level : levels(name, scope)) {
            if (level.directives().stream().anyMatch(d -> group.contains(d.name()))) return Optional.of(level);
        }
        return Optional.empty();
    }

    /** The levels {@code name} may be inherited from, innermost first. */
    private List<Level> levels(String name, Scope scope) {
        List<Level> out = new ArrayList<>();
        Scope s = scope;
        for (;;) {
            Optional<Directive> block = s.innermost();
            out.add(new Level(s, block.map(Directive::children).orElse(main)));
            if (LOCAL_ONLY.contains(name)) return out;
            if (HANDLERS.contains(name) && !(block.isPresent() && NONAME_BLOCKS.contains(block.get().name()))) {
                return out;
            }
            Optional<Scope> parent = s.parent();
            if (parent.isEmpty()) return out;
            s = parent.get();
        }
    }

    private static Set<String> groupOf(String name) {
        for (Set<String> g : SHARED_ARRAYS) {
            if (g.contains(name)) return g;
        }
        return Set.of(name);
    }

    private static List<Directive> named(List<Directive> directives, String name) {
        return directives.stream().filter(d -> d.is(name)).toList();
    }
}
