package dev.wslogs.classify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
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

    private static List<Rule> readBuiltin() throws RuleLoadException {
        URL url = RuleSet.class.getClassLoader().getResource("patterns");
        if (url == null) throw new RuleLoadException("built-in patterns/ missing from the class path (broken build)");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean mine = true;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                    mine = false;
                }
                try {
                    return readDir(fs.getPath("/patterns"));
                } finally {
                    if (mine) fs.close();
                }
            }
            return readDir(Path.of(uri));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new RuleLoadException("cannot read built-in patterns: " + e.getMessage(), e);
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
