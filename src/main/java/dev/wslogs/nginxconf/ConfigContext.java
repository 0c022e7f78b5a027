package dev.wslogs.nginxconf;

/**
 * Something effective directives can be looked up for: a {@link ServerBlock}, a {@link Location},
 * or any {@link Scope} (for example the {@code if} block an {@code access_log} sits in).
 */
public sealed interface ConfigContext permits Scope, ServerBlock, Location {

    /** The chain of enclosing blocks, outermost ({@code http}) first, this block last. */
    Scope scope();
}
