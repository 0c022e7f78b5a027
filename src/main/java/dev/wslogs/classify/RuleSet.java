package dev.wslogs.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rules in force: the built-in {@code patterns/} (bundled in the jar) overlaid by a user
 * directory ({@code --patterns DIR}), where a file with the same id replaces the built-in rule.
 */
public final class RuleSet {
    private final Map<String, Rule> rules;

    private RuleSet(Map<String, Rule> rules) {
        this.rules = Collections.unmodifiableMap(rules);
    }

    public static RuleSet builtin() throws RuleLoadException {
        return load(null);
    }

    public static RuleSet load(Path overlay) throws RuleLoadException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Rule r : builtinRules()) rules.put(r.id(), r);
        if (overlay != null) {
            if (!Files.isDirectory(overlay)) throw new RuleLoadException(overlay + ": not a directory of rule files");
            for (Rule r : readDir(overlay)) rules.put(r.id(), r);
        }
        return new RuleSet(rules);
    }

    public Collection<Rule> rules() {
        return rules.values();
    }

    public Rule get(String id) {
        return rules.get(id);
    }

    static List<Rule> readDir(Path dir) throws RuleLoadException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new RuleLoadException(dir + ": cannot list rule files: " + e.getMessage(), e);
        }
        List<Rule> out = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuleLoadException(f + ": cannot read: " + e.getMessage(), e);
            }
            out.add(RuleParser.parse(f.toString(), text));
        }
        return out;
    }

    private static volatile java.util.concurrent.CompletableFuture<List<Rule>> preloaded;

    /**
     * Starts reading the built-in rules on a background thread. Their YAML reader takes a few
     * hundred milliseconds to initialise (Jackson's classes) — most of a small analysis: a command
     * that will need the rules calls this first and does its other start-up work meanwhile;
     * {@link #load} then waits for the result. The built-in rules are immutable, so one read serves
     * every later load (a daemon's reload reads only its overlay again).
     */
    public static synchronized void preload() {
        if (preloaded != null) return;
        java.util.concurrent.CompletableFuture<List<Rule>> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(readBuiltin());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "wslogs-rules");
        t.setDaemon(true);
        t.start();
        preloaded = f;
    }

    private static List<Rule> builtinRules() throws RuleLoadException {
        java.util.concurrent.CompletableFuture<List<Rule>> f = preloaded;
        if (f == null) return readBuiltin();
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuleLoadException r) throw r;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** The built-in rule files, one name per line, sorted as {@link #readDir} sorts (RuleSetIndexTest keeps it complete). */
    static final String INDEX = "patterns/index.txt";

    /**
     * The built-in rules, read through the class loader by the names in {@link #INDEX}: listing
     * {@code patterns/} inside the jar would open it as a zip file system, which indexes all of its
     * nine thousand entries first (about 40 ms of a start-up of 300).
     */
    private static List<Rule> readBuiltin() throws RuleLoadException {
        ClassLoader cl = RuleSet.class.getClassLoader();
        List<Rule> out = new ArrayList<>();
        for (String name : builtinNames(cl)) {
            String resource = "patterns/" + name;
            try (InputStream in = cl.getResourceAsStream(resource)) {
                if (in == null) throw new RuleLoadException(resource + " is listed in " + INDEX + " but missing (broken build)");
                out.add(RuleParser.parse("/" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new RuleLoadException(resource + ": cannot read: " + e.getMessage(), e);
            }
        }
        return out;
    }

    static List<String> builtinNames(ClassLoader cl) throws RuleLoadException {
        try (InputStream in = cl.getResourceAsStream(INDEX)) {
            if (in == null) throw new RuleLoadException("built-in " + INDEX + " missing from the class path (broken build)");
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) names.add(line.strip());
            }
            return names;
        } catch (IOException e) {
            throw new RuleLoadException("cannot read built-in " + INDEX + ": " + e.getMessage(), e);
        }
    }

    /** Reads a rule from text (tests, and rules embedded elsewhere). */
    public static Rule parse(String source, InputStream in) throws RuleLoadException {
        try {
            return RuleParser.parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleLoadException(source + ": cannot read: " + e.getMessage(), e);
        }
    }
}
