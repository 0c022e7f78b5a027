package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The virtual files of an {@code nginx -T} dump. nginx writes, for each file it read (each once,
 * in the order first read, the main file first):
 *
 * <pre>
 * # configuration file /etc/nginx/nginx.conf:
 * ...the file's bytes...
 * (one extra LF)
 * </pre>
 *
 * Its stderr lines ({@code nginx: the configuration file ... syntax is ok}, {@code nginx:
 * configuration file ... test is successful}, {@code nginx: [warn] ...}) are often pasted along;
 * they are dropped wherever they appear, since no configuration line can start with {@code nginx: }.
 * Relative includes resolve against the directory of the first file, which is nginx's conf prefix.
 */
final class DumpFiles implements ConfFiles {

    private static final Pattern HEADER = Pattern.compile("^# configuration file (.+):$");
    private static final Pattern STDERR = Pattern.compile(
            "^nginx: (the configuration file .* syntax is ok"
                    + "|configuration file .* test (is successful|failed)"
                    + "|\\[(emerg|alert|crit|error|warn|notice|info|debug)\\] .*)$");

    private final Map<String, String> files;
    private final String main;
    private final String confDir;

    private DumpFiles(Map<String, String> files) {
        this.files = files;
        this.main = files.keySet().iterator().next();
        int slash = main.lastIndexOf('/');
        this.confDir = slash >= 0 ? main.substring(0, slash + 1) : "";
    }

    /** A pasted shell command line such as {@code $ sudo nginx -T 2>&1}. */
    private static final Pattern COMMAND = Pattern.compile("^.*\\bnginx\\b.*\\s-T\\b.*$");

    /**
     * The dump's files if {@code text} is a dump: its first line that is neither blank, nor nginx's
     * own stderr output, nor the pasted {@code nginx -T} command is a
     * {@code # configuration file NAME:} header.
     */
    static Optional<DumpFiles> detect(String text) {
        List<String> lines = lines(text);
        Map<String, String> files = new LinkedHashMap<>();
        String current = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                if (current != null) files.putIfAbsent(current, join(body));
                current = h.group(1);
                body.clear();
            } else if (current == null) {
                if (!line.isBlank() && !COMMAND.matcher(line).matches()) return Optional.empty();
            } else {
                body.add(line);
            }
        }
        if (current == null) return Optional.empty();
        files.putIfAbsent(current, join(body));
        return Optional.of(new DumpFiles(files));
    }

    /** The first file of the dump: the configuration nginx was started with. */
    String mainFile() {
        return main;
    }

    String mainText() {
        return files.get(main);
    }

    List<String> fileNames() {
        return List.copyOf(files.keySet());
    }

    @Override
    public String resolve(String name) {
        return name.startsWith("/") ? name : confDir + name;
    }

    @Override
    public Optional<String> read(String path) {
        String exact = files.get(path);
        if (exact != null) return Optional.of(exact);
        String wanted = identity(path);
        for (Map.Entry<String, String> e : files.entrySet()) {
            if (identity(e.getKey()).equals(wanted)) return Optional.of(e.getValue());
        }
        return Optional.empty();
    }

    @Override
    public List<String> glob(String pattern) {
        Pattern re = Glob.path(identity(pattern));
        List<String> out = new ArrayList<>();
        for (String name : files.keySet()) {
            if (re.matcher(identity(name)).matches()) out.add(name);
        }
        out.sort(Glob.NGINX_ORDER);
        return out;
    }

    /** Lexical normalisation: no {@code //}, {@code /./} or {@code dir/..}. */
    @Override
    public String identity(String path) {
        String[] parts = path.split("/");
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!kept.isEmpty()) kept.remove(kept.size() - 1);
                continue;
            }
            kept.add(p);
        }
        return (path.startsWith("/") ? "/" : "") + String.join("/", kept);
    }

    /** The file's lines; the LF nginx adds after each file leaves one trailing empty line, dropped. */
    private static String join(List<String> body) {
        int n = body.size();
        if (n > 0 && body.get(n - 1).isEmpty()) n--;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(body.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** Lines split at LF only (nginx counts lines at LF), CR of CRLF and stderr lines removed. */
    private static List<String> lines(String text) {
        String[] raw = text.split("\n", -1);
        int n = text.endsWith("\n") ? raw.length - 1 : raw.length;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (!STDERR.matcher(line).matches()) out.add(line);
        }
        return out;
    }
}
