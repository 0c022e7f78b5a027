package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.client.WebClient;

/**
 * The ordinary site around the WebSocket endpoint: static files from {@code root html;} and an
 * API proxied to a plain HTTP back end. Mixed into runs so the WebSocket lines are not alone.
 */
final class Web {
    private Web() {}

    /** Locations for the server block: static files and {@code /api/} → upstream {@code api}. */
    static String locations() {
        return """
                root html;

                location / {
                    index index.html;
                }

                location /api/ {
                    proxy_pass http://api;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                }
                """;
    }

    static String apiUpstream(int port) {
        return "upstream api {\n    server 127.0.0.1:" + port + ";\n}\n";
    }

    /** Page, script, API call and a missing favicon (nginx logs the failed open() at [error]). */
    static void browse(ScenarioContext ctx, String base) {
        get(ctx, base, "page", "/index.html", 200);
        get(ctx, base, "script", "/app.js", 200);
        get(ctx, base, "api-call", "/api/items", 200);
        var missing = ctx.action("missing-favicon", "not-websocket").status(404)
                .error("/html/favicon.ico\" failed (2: No such file or directory)", Level.ERROR);
        check(WebClient.get(base + "/favicon.ico" + missing.query()).statusCode(), 404, "favicon");
    }

    private static void get(ScenarioContext ctx, String base, String name, String path, int status) {
        var a = ctx.action(name, "not-websocket").status(status);
        check(WebClient.get(base + path + a.query()).statusCode(), status, name);
    }

    static void check(int actual, int expected, String what) {
        if (actual != expected) throw new AssertionError(what + ": expected " + expected + " but client saw " + actual);
    }
}
