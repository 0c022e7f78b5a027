package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code server} inside an {@code upstream}: its address ({@code backend1:8080},
 * {@code unix:/run/app.sock}, {@code 10.0.0.1}) and its parameters as written
 * ({@code weight=5}, {@code max_fails=3}, {@code backup}, {@code down}).
 */
public record UpstreamServer(String address, List<String> params, SourceRef where) {

    public UpstreamServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(where, "where");
        params = List.copyOf(params);
    }

    /** The value of a {@code key=value} parameter, e.g. {@code param("max_fails")}. */
    public Optional<String> param(String key) {
        String prefix = key + "=";
        return params.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length())).findFirst();
    }

    /** Whether a bare flag parameter is present, e.g. {@code flag("backup")}. */
    public boolean flag(String name) {
        return params.contains(name);
    }

    public boolean isDown() {
        return flag("down");
    }

    public boolean isBackup() {
        return flag("backup");
    }

    @Override
    public String toString() {
        return params.isEmpty() ? address : address + " " + String.join(" ", params);
    }
}
