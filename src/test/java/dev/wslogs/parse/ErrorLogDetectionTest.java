package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ErrorLogParser#looksLikeErrorLine}: the cheap test used to tell an error log from an access log. */
class ErrorLogDetectionTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2024/05/14 10:11:12 [error] 4242#4242: *17 connect() failed (111: Connection refused) while connecting to upstream",
        "2016/10/25 14:49:34 [error] 54053#0: *1 open() \"/x\" failed (2: No such file or directory)",
        "2024/05/14 10:11:12 [notice] 1#1: signal process started",
        "2024/05/14 10:11:12 [debug] 1#1: *1 http cleanup add: 0000559F",
        "2024/05/14 10:11:12 [warn] 1#1:",
        "host nginx[983479]: 2023/12/09 21:35:20 [notice] 983479#983479: *22174 limiting requests",
        "Dec  9 10:00:00 host nginx[983479]: 2023/12/09 21:35:20 [error] 983479#983479: *1 x",
        "Jan 13 09:02:48 host nginx: 2023/01/13 09:02:48 [error] 7#7: *1 x",
        "host nginx[23141]: host nginx: 2025/09/07 21:20:40 [error] 23141#23141: *24470 PAM: x",
        "web_1  | 2023/12/09 21:35:20 [error] 29#29: *1 x",
    })
    void errorLine_isRecognised(String text) {
        assertThat(ErrorLogParser.looksLikeErrorLine(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1 - - [28/Sep/1970:12:00:00 +0600] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.5.0\"",
        "12.34.56.78 - - [20/Jan/2015:19:53:28 +0100] \"GET //pma/scripts/setup.php HTTP/1.1\" 404 47 \"-\" \"-\" \"-\"",
        "www.crowdsec.net 192.168.1.1 - - [08/Jun/2020:08:04:43 +0000] \"GET /solr/ HTTP/1.1\" 500 803 \"-\" \"-\"",
        "{\"time\":\"2023-12-09T21:35:20+00:00\",\"status\":\"101\",\"request\":\"GET /ws HTTP/1.1\"}",
        "{\"msg\":\"2023/12/09 21:35:20 [error] 1#1: *1 inside json\"}",
        "10.0.0.1 - - [09/Dec/2023:21:35:20 +0000] \"GET /x 2023/12/09 21:35:20 [error] 1#1: x HTTP/1.1\" 404 0",
        "nginx: [emerg] host not found in upstream \"backend:8080\" in /etc/nginx/conf.d/x.conf:12",
        "2023/12/09 21:35:20 [fatal] 1#1: unknown level",
        "2023/12/09 21:35:20 [error] 1: no tid",
        "2023/12/09 21:35:20 [error]",
        "PHP message: PHP Warning:  continuation",
        "",
        "# failJSON: { \"time\": \"2012-04-09T11:53:29\" }",
    })
    void otherLine_isNotRecognised(String text) {
        assertThat(ErrorLogParser.looksLikeErrorLine(text)).isFalse();
    }
}
