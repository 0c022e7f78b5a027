package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One directive of the configuration tree, exactly as written: quotes removed and escapes resolved
 * the way nginx's tokenizer does, variables ({@code $var}, {@code ${var}}) kept verbatim.
 *
 * <p>{@code children} is empty both for a simple directive ({@code listen 80;}) and for an empty
 * block ({@code events {}}). An {@code include} directive stays in the tree where it was written and
 * is immediately followed, in the same list, by the directives of the files it matched; each of
 * those carries its own {@link SourceRef}.
 */
public record Directive(String name, List<String> args, List<Directive> children, SourceRef where) {

    public Directive {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(where, "where");
        args = List.copyOf(args);
        children = List.copyOf(children);
    }

    /** The argument at {@code index}, or empty when there are fewer arguments. */
    public Optional<String> arg(int index) {
        return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    /** The direct children with this name, in order. */
    public List<Directive> children(String childName) {
        return children.stream().filter(d -> d.name.equals(childName)).toList();
    }

    /** The first direct child with this name. */
    public Optional<Directive> child(String childName) {
        return children.stream().filter(d -> d.name.equals(childName)).findFirst();
    }

    public boolean is(String directiveName) {
        return name.equals(directiveName);
    }

    /** A one-line summary; the default record form would print the whole subtree. */
    @Override
    public String toString() {
        String block = children.isEmpty() ? "" : " {" + children.size() + " directives}";
        return text() + block + " @" + where;
    }

    /**
     * Name and arguments as one line, for messages: {@code proxy_set_header Upgrade $http_upgrade}.
     * Arguments that are empty or hold whitespace, quotes, {@code ;}, braces or {@code #} are shown
     * double-quoted: {@code map $http_upgrade ...} entry {@code "" close}.
     */
    public String text() {
        StringBuilder sb = new StringBuilder(name);
        for (String a : args) {
            sb.append(' ').append(display(a));
        }
        return sb.toString();
    }

    private static String display(String arg) {
        boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> " \t\r\n;{}\"'#".indexOf(c) >= 0);
        return plain ? arg : '"' + arg.replace("\"", "\\\"") + '"';
    }
}
