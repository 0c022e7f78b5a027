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
        for (Rule r : readBuiltin()) rules.put(r.id(), r);
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
