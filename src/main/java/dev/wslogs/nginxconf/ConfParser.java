package dev.wslogs.nginxconf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the directive tree from {@link Lexer} statements the way {@code ngx_conf_parse()} does,
 * expanding {@code include} in place. Every file is parsed on its own, so braces must balance
 * within each file. A file that includes itself, directly or not, is an error (nginx would recurse
 * until it runs out of file descriptors).
 */
final class ConfParser {

    private final ConfFiles files;
    private final Deque<String> including = new ArrayDeque<>();
    private final Set<String> read = new LinkedHashSet<>();

    ConfParser(ConfFiles files) {
        this.files = files;
    }

    /** Parses the main file; {@code identity} is its key for the include-cycle guard. */
    List<Directive> parseMain(String displayName, String identity, String text) throws NginxConfException {
        including.push(identity);
        read.add(displayName);
        try {
            return parseFile(displayName, text);
        } finally {
            including.pop();
        }
    }

    /** Every file read, in the order first read, the main file first. */
    List<String> filesRead() {
        return List.copyOf(read);
    }

    private List<Directive> parseFile(String name, String text) throws NginxConfException {
        Lexer lexer = new Lexer(name, text);
        return parseBlock(lexer, null, false);
    }

    /** Reads statements until the block's {@code }} (or the end of the file for a file). */
    private List<Directive> parseBlock(Lexer lexer, Directive opener, boolean dataBlock) throws NginxConfException {
        List<Directive> out = new ArrayList<>();
        for (;;) {
            Lexer.Statement st = lexer.next();
            switch (st.end()) {
                case EOF -> {
                    if (opener != null) {
                        throw new NginxConfException(lexer.endOfFile(), opener.name(),
                                "unexpected end of file, expecting \"}\" to close \"" + opener.name()
                                        + "\" opened at line " + opener.where().line());
                    }
                    return out;
                }
                case BLOCK_END -> {
                    if (opener == null) {
                        throw new NginxConfException(st.at(), "}", "unexpected \"}\"");
                    }
                    return out;
                }
                case SEMICOLON -> {
                    Directive d = directive(st, List.of());
                    if (!dataBlock || d.is("include")) checkArity(st, false);
                    out.add(d);
                    if (d.is("include")) out.addAll(include(d));
                }
                case BLOCK_START -> {
                    if (!dataBlock) checkArity(st, true);
                    Directive head = directive(st, List.of());
                    boolean data = dataBlock || DirectiveArity.DATA_BLOCKS.contains(head.name());
                    List<Directive> children = parseBlock(lexer, head, data);
                    out.add(new Directive(head.name(), head.args(), children, head.where()));
                }
            }
        }
    }

    private static Directive directive(Lexer.Statement st, List<Directive> children) {
        List<Lexer.Token> words = st.words();
        List<String> args = new ArrayList<>(words.size() - 1);
        for (int i = 1; i < words.size(); i++) {
            args.add(words.get(i).text());
        }
        return new Directive(words.get(0).text(), args, children, words.get(0).where());
    }

    private static void checkArity(Lexer.Statement st, boolean block) throws NginxConfException {
        Lexer.Token name = st.words().get(0);
        Optional<DirectiveArity.Rule> rule = DirectiveArity.rule(name.text());
        if (rule.isEmpty()) return;
        DirectiveArity.Rule r = rule.get();
        String n = name.text();
        if (r.shape() == DirectiveArity.Shape.BLOCK && !block) {
            throw new NginxConfException(name.where(), n, "directive \"" + n + "\" has no opening \"{\"");
        }
        if (r.shape() == DirectiveArity.Shape.SIMPLE && block) {
            throw new NginxConfException(name.where(), n, "directive \"" + n + "\" is not terminated by \";\"");
        }
        int count = st.words().size() - 1;
        if (!r.accepts(count)) {
            throw new NginxConfException(name.where(), n,
                    "invalid number of arguments in \"" + n + "\" directive" + missingSemicolonHint(st));
        }
        if (r.flag()) {
            String v = st.words().get(1).text();
            if (!v.equalsIgnoreCase("on") && !v.equalsIgnoreCase("off")) {
                throw new NginxConfException(name.where(), n, "invalid value \"" + v + "\" in \"" + n
                        + "\" directive, it must be \"on\" or \"off\"");
            }
        }
    }

    /** Points at the first argument that starts a new line and reads like a directive name. */
    private static String missingSemicolonHint(Lexer.Statement st) {
        List<Lexer.Token> words = st.words();
        for (int i = 1; i < words.size(); i++) {
            Lexer.Token w = words.get(i);
            boolean startsLine = w.where().line() > words.get(i - 1).where().line();
            if (startsLine && !w.quoted() && DirectiveArity.isKnownDirective(w.text())) {
                return " (missing \";\" before \"" + w.text() + "\" at " + w.where().line() + ":"
                        + w.where().column() + "?)";
            }
        }
        return "";
    }

    private List<Directive> include(Directive inc) throws NginxConfException {
        String target = files.resolve(inc.args().get(0));
        List<String> matched;
        try {
            matched = Glob.isPattern(target) ? files.glob(target) : List.of(target);
        } catch (IOException e) {
            throw new NginxConfException(inc.where(), inc.args().get(0),
                    "glob() \"" + target + "\" failed: " + e.getMessage());
        }
        List<Directive> out = new ArrayList<>();
        for (String file : matched) {
            out.addAll(includeFile(inc, file));
        }
        return out;
    }

    private List<Directive> includeFile(Directive inc, String file) throws NginxConfException {
        String id = files.identity(file);
        if (including.contains(id)) {
            List<String> chain = new ArrayList<>(including);
            Collections.reverse(chain);
            chain.add(id);
            throw new NginxConfException(inc.where(), inc.args().get(0),
                    "include cycle: \"" + file + "\" is already being read (" + String.join(" -> ", chain) + ")");
        }
        Optional<String> text;
        try {
            text = files.read(file);
        } catch (IOException e) {
            throw new NginxConfException(inc.where(), inc.args().get(0),
                    "open() \"" + file + "\" failed (" + e.getMessage() + ")");
        }
        if (text.isEmpty()) {
            throw new NginxConfException(inc.where(), inc.args().get(0),
                    "open() \"" + file + "\" failed (No such file or directory)");
        }
        including.push(id);
        read.add(file);
        try {
            return parseFile(file, text.get());
        } finally {
            including.pop();
        }
    }
}
