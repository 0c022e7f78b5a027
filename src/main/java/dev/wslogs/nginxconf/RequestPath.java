package dev.wslogs.nginxconf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The URI nginx matches locations against ({@code $uri}), computed from the request target as
 * logged in {@code $request}: query string dropped, {@code %XX} decoded, {@code //} merged
 * ({@code merge_slashes on}, the default), and {@code .} and {@code ..} segments resolved. Decoded
 * bytes are read as UTF-8, the encoding this package reads configuration files in.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /**
     * The normalized path, or empty when nginx would reject the request with 400 (a {@code ..}
     * above the root, a target that is not a path).
     */
    public static Optional<String> normalize(String requestTarget) {
        String t = stripAbsoluteForm(requestTarget);
        int q = t.indexOf('?');
        if (q >= 0) t = t.substring(0, q);
        if (!t.startsWith("/")) return Optional.empty();
        return resolveSegments(percentDecode(t));
    }

    private static String stripAbsoluteForm(String target) {
        int sep = target.indexOf("://");
        if (sep <= 0 || target.indexOf('/') < sep) return target;
        int slash = target.indexOf('/', sep + 3);
        return slash < 0 ? "/" : target.substring(slash);
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static Optional<String> resolveSegments(String path) {
        String[] segs = path.split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean trailingSlash = false;
        for (int i = 1; i < segs.length; i++) {
            String seg = segs[i];
            boolean last = i == segs.length - 1;
            if (seg.isEmpty() || seg.equals(".")) {
                trailingSlash = last;
                continue;
            }
            if (seg.equals("..")) {
                if (kept.isEmpty()) return Optional.empty();
                kept.removeLast();
                trailingSlash = last;
                continue;
            }
            kept.addLast(seg);
            trailingSlash = false;
        }
        String joined = "/" + String.join("/", kept);
        return Optional.of(trailingSlash && !kept.isEmpty() ? joined + "/" : joined);
    }
}
