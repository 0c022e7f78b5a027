package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;

/**
 * A port of nginx's {@code ngx_conf_read_token()}: reads one statement at a time, i.e. the words up
 * to the next {@code ;}, {@code {} or {@code }}.
 *
 * <p>Rules kept exactly: a word starts a quoted string only when the quote is its first character;
 * after a closing quote the next character must be whitespace, {@code ;}, {@code {} or {@code )};
 * {@code #} starts a comment only where a word could start; a backslash protects the next
 * character; {@code {} right after {@code $} does not end a word, so {@code ${var}} survives; and
 * only {@code \"}, {@code \'}, {@code \\}, {@code \t}, {@code \r}, {@code \n} are unescaped (any
 * other backslash is kept). A {@code }} does not end an unquoted word. Lines are counted at LF.
 */
final class Lexer {

    enum End { SEMICOLON, BLOCK_START, BLOCK_END, EOF }

    /** One word with the position of its first character (the opening quote for a quoted word). */
    record Token(String text, boolean quoted, SourceRef where) {}

    /** The words read and what ended them; {@code at} is the position of the terminator. */
    record Statement(List<Token> words, End end, SourceRef at) {}

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The position just past the last character, for end-of-file messages. */
    SourceRef endOfFile() {
        return new SourceRef(file, line, pos - lineStart + 1);
    }

    Statement next() throws NginxConfException {
        List<Token> words = new ArrayList<>();
        State s = new State();
        for (;;) {
            if (pos >= text.length()) {
                return endOfInput(words, s);
            }
            int atLine = line;
            int atColumn = pos - lineStart + 1;
            char ch = text.charAt(pos++);
            if (ch == '\n') {
                line++;
                lineStart = pos;
                s.comment = false;
            }
            if (s.comment) continue;
            if (s.escaped) {
                s.escaped = false;
                continue;
            }
            if (s.needSpace) {
                if (isSpace(ch)) {
                    s.lastSpace = true;
                    s.needSpace = false;
                    continue;
                }
                if (ch == ';') return new Statement(words, End.SEMICOLON, at(atLine, atColumn));
                if (ch == '{') return new Statement(words, End.BLOCK_START, at(atLine, atColumn));
                if (ch != ')') throw unexpected(ch, at(atLine, atColumn));
                s.lastSpace = true;
                s.needSpace = false;
            }
            End end = s.lastSpace ? startWord(ch, atLine, atColumn, words, s) : continueWord(ch, words, s);
            if (end != null) return new Statement(words, end, at(atLine, atColumn));
        }
    }

    private SourceRef at(int atLine, int atColumn) {
        return new SourceRef(file, atLine, atColumn);
    }

    /** A character where a word may start; returns the statement end if {@code ch} is one. */
    private End startWord(char ch, int atLine, int atColumn, List<Token> words, State s) throws NginxConfException {
        if (isSpace(ch)) return null;
        s.start = pos - 1;
        s.startAt = at(atLine, atColumn);
        switch (ch) {
            case ';':
            case '{':
                if (words.isEmpty()) throw unexpected(ch, s.startAt);
                return ch == '{' ? End.BLOCK_START : End.SEMICOLON;
            case '}':
                if (!words.isEmpty()) throw unexpected(ch, s.startAt);
                return End.BLOCK_END;
            case '#':
                s.comment = true;
                return null;
            case '\\':
                s.escaped = true;
                break;
            case '"':
                s.start++;
                s.doubleQuoted = true;
                break;
            case '\'':
                s.start++;
                s.singleQuoted = true;
                break;
            case '$':
                s.variable = true;
                break;
            default:
                break;
        }
        s.lastSpace = false;
        return null;
    }

    /** A character inside a word; returns the statement end if the word ended the statement. */
    private End continueWord(char ch, List<Token> words, State s) {
        if (ch == '{' && s.variable) return null;
        s.variable = false;
        if (ch == '\\') {
            s.escaped = true;
            return null;
        }
        if (ch == '$') {
            s.variable = true;
            return null;
        }
        boolean found = false;
        boolean quoted = s.doubleQuoted || s.singleQuoted;
        if (s.doubleQuoted) {
            if (ch == '"') {
                s.doubleQuoted = false;
                s.needSpace = true;
                found = true;
            }
        } else if (s.singleQuoted) {
            if (ch == '\'') {
                s.singleQuoted = false;
                s.needSpace = true;
                found = true;
            }
        } else if (isSpace(ch) || ch == ';' || ch == '{') {
            s.lastSpace = true;
            found = true;
        }
        if (!found) return null;
        words.add(new Token(unescape(s.start, pos - 1), quoted, s.startAt));
        if (ch == ';') return End.SEMICOLON;
        if (ch == '{') return End.BLOCK_START;
        return null;
    }

    private Statement endOfInput(List<Token> words, State s) throws NginxConfException {
        if (s.doubleQuoted || s.singleQuoted) {
            String partial = text.substring(s.start, Math.min(text.length(), s.start + 40));
            throw new NginxConfException(s.startAt, partial,
                    "unterminated quoted string starting \"" + printable(partial)
                            + "\": unexpected end of file, expecting \";\" or \"}\"");
        }
        if (!words.isEmpty() || !s.lastSpace) {
            SourceRef first = words.isEmpty() ? s.startAt : words.get(0).where();
            String name = words.isEmpty() ? text.substring(s.start) : words.get(0).text();
            throw new NginxConfException(first, name, "unexpected end of file, expecting \";\" or \"}\""
                    + " after \"" + printable(name) + "\" (missing \";\"?)");
        }
        return new Statement(words, End.EOF, endOfFile());
    }

    private String unescape(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int src = from;
        while (src < to) {
            char c = text.charAt(src);
            if (c == '\\' && src + 1 < to) {
                char n = text.charAt(src + 1);
                switch (n) {
                    case '"', '\'', '\\' -> {
                        out.append(n);
                        src += 2;
                        continue;
                    }
                    case 't' -> {
                        out.append('\t');
                        src += 2;
                        continue;
                    }
                    case 'r' -> {
                        out.append('\r');
                        src += 2;
                        continue;
                    }
                    case 'n' -> {
                        out.append('\n');
                        src += 2;
                        continue;
                    }
                    default -> { }
                }
            }
            out.append(c);
            src++;
        }
        return out.toString();
    }

    private NginxConfException unexpected(char ch, SourceRef at) {
        return new NginxConfException(at, String.valueOf(ch), "unexpected \"" + ch + "\"");
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    static String printable(String s) {
        String oneLine = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }

    /** The flags of {@code ngx_conf_read_token()}, reset for every statement. */
    private static final class State {
        boolean needSpace;
        boolean lastSpace = true;
        boolean comment;
        boolean escaped;
        boolean singleQuoted;
        boolean doubleQuoted;
        boolean variable;
        int start;
        SourceRef startAt;
    }
}
