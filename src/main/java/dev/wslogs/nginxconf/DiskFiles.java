package dev.wslogs.nginxconf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Include targets on the real file system. Relative names resolve against the directory of the
 * main configuration file: that is nginx's conf prefix when it is started with {@code -c FILE}
 * (and, for the default {@code /etc/nginx/nginx.conf}, it is {@code /etc/nginx/} too).
 */
final class DiskFiles implements ConfFiles {

    private final Path confDir;

    DiskFiles(Path confDir) {
        this.confDir = confDir.toAbsolutePath().normalize();
    }

    @Override
    public String resolve(String name) {
        return name.startsWith("/") ? name : confDir.resolve(name).toString();
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        Path p = Path.of(path);
        if (Files.isDirectory(p)) {
            throw new IOException("is a directory");
        }
        try {
            // new String(bytes, UTF_8) replaces malformed input instead of failing: a Latin-1
            // comment must not make the configuration unreadable.
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> glob(String pattern) throws IOException {
        String[] parts = pattern.split("/", -1);
        List<Path> current = List.of(Path.of(pattern.startsWith("/") ? "/" : "."));
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) continue;
            boolean last = i == parts.length - 1;
            current = Glob.isPattern(part) ? expand(current, Glob.component(part)) : descend(current, part);
            if (!last) {
                current = current.stream().filter(Files::isDirectory).toList();
            }
        }
        List<String> files = new ArrayList<>();
        for (Path p : current) {
            if (Files.isRegularFile(p)) files.add(p.toString());
        }
        files.sort(Glob.NGINX_ORDER);
        return files;
    }

    @Override
    public String identity(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toString();
        }
    }

    private static List<Path> descend(List<Path> dirs, String name) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.exists(p)) out.add(p);
        }
        return out;
    }

    private static List<Path> expand(List<Path> dirs, Pattern component) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                for (Path e : entries) {
                    if (component.matcher(e.getFileName().toString()).matches()) out.add(e);
                }
            }
        }
        return out;
    }
}
