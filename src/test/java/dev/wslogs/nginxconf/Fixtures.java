package dev.wslogs.nginxconf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Shared helpers for the nginxconf tests. */
final class Fixtures {

    /** A conf dir that does not exist: tests parsing text must not touch the disk. */
    static final Path NO_DIR = Path.of("/nonexistent-wslogs-conf-dir");

    private Fixtures() {
    }

    static NginxConfig parse(String text) throws NginxConfException {
        return NginxConfigReader.parse(text, "test.conf", NO_DIR);
    }

    /** The top-level directives of {@code text}, parsed as a main file named {@code test.conf}. */
    static List<Directive> tree(String text) throws NginxConfException {
        return parse(text).directives();
    }

    static Path write(Path dir, String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** The directive at a path of names, e.g. {@code find(tree, "http", "server", "listen")}. */
    static Directive find(List<Directive> tree, String... names) {
        List<Directive> level = tree;
        Directive found = null;
        for (String n : names) {
            found = level.stream().filter(d -> d.is(n)).findFirst()
                    .orElseThrow(() -> new AssertionError("no directive " + n + " in " + List.of(names)));
            level = found.children();
        }
        return found;
    }

    /**
     * The installed nginx binary. Tests that need it fail (never skip) without it:
     * scripts/install-deps.sh installs it.
     */
    static Path nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return p;
        }
        Optional<Path> onPath = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> List.of(path.split(":")).stream())
                .map(dir -> Path.of(dir, "nginx")).filter(Files::isExecutable).findFirst();
        return onPath.orElseThrow(() -> new AssertionError(
                "nginx is not installed; run scripts/install-deps.sh (this test must not be skipped)"));
    }

    /** Prefix-local directives so that nginx never touches /var/log/nginx or /run. */
    static String nginxMain(Path prefix) {
        return "pid " + prefix.resolve("nginx.pid") + ";\n"
                + "error_log " + prefix.resolve("error.log") + ";\n";
    }
}
