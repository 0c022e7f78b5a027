package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The blocks enclosing a point of the configuration, outermost first: {@code [http, server,
 * location /ws, if (...)]}. The main context (outside every block) is the empty scope
 * {@link #MAIN}. Inheritance walks this chain from the innermost block outwards.
 */
public record Scope(List<Directive> blocks) implements ConfigContext {

    public static final Scope MAIN = new Scope(List.of());

    public Scope {
        blocks = List.copyOf(blocks);
    }

    /** This scope extended by one more enclosing block. */
    public Scope enter(Directive block) {
        List<Directive> next = new ArrayList<>(blocks);
        next.add(block);
        return new Scope(next);
    }

    public boolean isMain() {
        return blocks.isEmpty();
    }

    public Optional<Directive> innermost() {
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(blocks.size() - 1));
    }

    /** The scope without its innermost block; empty for {@link #MAIN}. */
    public Optional<Scope> parent() {
        return blocks.isEmpty() ? Optional.empty() : Optional.of(new Scope(blocks.subList(0, blocks.size() - 1)));
    }

    /** The {@code server} block this scope is in, if any. */
    public Optional<Directive> server() {
        return innermostNamed("server");
    }

    /** The innermost {@code location} block this scope is in, if any. */
    public Optional<Directive> location() {
        return innermostNamed("location");
    }

    private Optional<Directive> innermostNamed(String name) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i).is(name)) return Optional.of(blocks.get(i));
        }
        return Optional.empty();
    }

    @Override
    public Scope scope() {
        return this;
    }

    /** {@code http > server > location /ws}: the blocks' heads, without their contents. */
    @Override
    public String toString() {
        return blocks.isEmpty() ? "main" : blocks.stream().map(Directive::text).collect(Collectors.joining(" > "));
    }
}
