package dev.wslogs.sink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link FindingGroups#shape} is the two regex replacements it replaced, on every input. */
class EvidenceShapeTest {
    private static final Pattern CONNECTION = Pattern.compile("\\*\\d+ ");
    private static final Pattern DURATION = Pattern.compile("\\d+\\.\\d+ s");

    private static String byRegex(String e) {
        return DURATION.matcher(CONNECTION.matcher(e).replaceAll("*N ")).replaceAll("N s");
    }

    @Test
    void realEvidence() {
        String[] cases = {
            "upgraded connection lasted 60.012 s, just over 60.0 s",
            "[info] *1033 client 203.0.116.133 closed keepalive connection",
            "the back end closed the connection without answering the handshake: [error] upstream prematurely closed connection",
            "*12.5 s", "*12 3.4 s", "1.2.3 s", "12. s", ".5 s", "3.0 sx", "3.0 ", "3.0", "**7 *8 ", "*", "* 1", "*a ", "0.5 s0.6 s",
            "x 10.0 s and *99 then 1.25 s.", "",
        };
        for (String c : cases) assertEquals(byRegex(c), FindingGroups.shape(c), c);
    }

    @Test
    void randomStringsOverTheRelevantAlphabet() {
        Random r = new Random(20261122);
        char[] alphabet = {'*', '1', '2', '0', '.', ' ', 's', 'x', '9'};
        for (int n = 0; n < 200_000; n++) {
            char[] c = new char[r.nextInt(14)];
            for (int i = 0; i < c.length; i++) c[i] = alphabet[r.nextInt(alphabet.length)];
            String s = new String(c);
            assertEquals(byRegex(s), FindingGroups.shape(s), s);
        }
    }

    @Test
    void unchangedTextIsNotCopied() {
        String s = "the config balances this session-based path without affinity";
        assertSame(s, FindingGroups.shape(s));
    }
}
