package dev.wslogs.nginxconf;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an nginx configuration: a main file whose {@code include}s are read from disk, or an
 * {@code nginx -T} dump (recognised by content) whose includes are served from the dump itself.
 *
 * <p>Relative include paths resolve against the directory of the main file — nginx's conf prefix
 * when it runs with {@code -c FILE} — or, for a dump, against the directory of the dump's first
 * file. Text read from stdin (display name {@code -}) that is not a dump resolves them against the
 * working directory, unless a directory is given.
 */
public final class NginxConfigReader {

    private NginxConfigReader() {
    }

    public static NginxConfig read(Path file) throws IOException, NginxConfException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir == null ? Path.of("/") : dir);
    }

    public static NginxConfig read(Reader in, String displayName) throws IOException, NginxConfException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
            sb.append(buf, 0, n);
        }
        return parse(sb.toString(), displayName);
    }

    /** Parses text named {@code displayName}; includes resolve against its directory (or the cwd). */
    public static NginxConfig parse(String text, String displayName) throws NginxConfException {
        Path dir = displayName.equals("-") || displayName.isEmpty() ? null : Path.of(displayName).toAbsolutePath().getParent();
        return parse(text, displayName, dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    /** Parses text named {@code displayName}; relative includes resolve against {@code confDir}. */
    public static NginxConfig parse(String text, String displayName, Path confDir) throws NginxConfException {
        Optional<DumpFiles> dump = DumpFiles.detect(text);
        if (dump.isPresent()) {
            DumpFiles files = dump.get();
            ConfParser parser = new ConfParser(files);
            String main = files.mainFile();
            List<Directive> tree = parser.parseMain(main, files.identity(main), files.mainText());
            return new NginxConfig(displayName, true, parser.filesRead(), tree);
        }
        DiskFiles files = new DiskFiles(confDir);
        ConfParser parser = new ConfParser(files);
        Path name = Path.of(displayName.isEmpty() ? "-" : displayName).getFileName();
        String identity = files.identity(confDir.resolve(name == null ? "-" : name.toString()).toString());
        List<Directive> tree = parser.parseMain(displayName, identity, text);
        return new NginxConfig(displayName, false, parser.filesRead(), tree);
    }
}
