package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code map $source $target { ... }} block, e.g. the WebSocket idiom
 * {@code map $http_upgrade $connection_upgrade { default upgrade; '' close; }}. Variables are kept
 * with their {@code $}. {@code entries} excludes the special parameters {@code default},
 * {@code hostnames}, {@code volatile} and {@code include} (whose files' entries are included).
 *
 * @param defaultValue the {@code default} value, or {@code ""} (nginx's default) when not set
 */
public record MapBlock(String source, String target, List<MapEntry> entries, String defaultValue,
                       boolean hostnames, Directive directive) {

    public MapBlock {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(directive, "directive");
        entries = List.copyOf(entries);
    }

    static MapBlock of(Directive d) throws NginxConfException {
        List<MapEntry> entries = new ArrayList<>();
        String def = "";
        boolean hostnames = false;
        for (Directive c : d.children()) {
            boolean special = c.args().isEmpty() && (c.is("hostnames") || c.is("volatile"));
            if (special) {
                hostnames |= c.is("hostnames");
                continue;
            }
            if (c.is("include")) continue;
            if (c.args().size() != 1) {
                throw new NginxConfException(c.where(), c.name(), "invalid number of the map parameters");
            }
            if (c.is("default")) {
                def = c.args().get(0);
            } else {
                entries.add(new MapEntry(c.name(), c.args().get(0), c.where()));
            }
        }
        return new MapBlock(d.args().get(0), d.args().get(1), entries, def, hostnames, d);
    }

    public SourceRef where() {
        return directive.where();
    }

    /** The entry with exactly this key as written, e.g. {@code entry("")} for {@code '' close;}. */
    public Optional<MapEntry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return "map " + source + " " + target + " @" + directive.where();
    }
}
