package dev.wslogs.check;

import dev.wslogs.nginxconf.Location;
import java.util.List;

/** Fix snippets shaped for the location they apply to. */
final class Fixes {
    static final String MAP = """
            # http {} level, once:
            map $http_upgrade $connection_upgrade {
                default upgrade;
                ''      close;
            }""";

    private Fixes() {}

    /** {@code location /ws {\n    line;\n    ...\n}} with a trailing "..." for what stays as it is. */
    static String in(Location loc, List<String> lines) {
        StringBuilder sb = new StringBuilder(loc.label()).append(" {\n");
        for (String l : lines) sb.append("    ").append(l).append('\n');
        return sb.append("    # ... the rest as it is\n}").toString();
    }

    static String in(Location loc, String line) {
        return in(loc, List.of(line));
    }
}
