/**
 * Reads nginx configuration the way nginx does, for three consumers: {@code wslogs analyze
 * --nginx-conf} (which {@code log_format} each {@code access_log} uses), the diagnosis engine
 * (which server and location handled a logged request, and which directives were in effect there,
 * cited as file:line), and the {@code check-config} linter (the whole tree).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link dev.wslogs.nginxconf.NginxConfigReader} takes a path, a {@code Reader} or a string
 *       plus a display name ({@code -} for stdin). An {@code nginx -T} dump is recognised by its
 *       content ({@code # configuration file NAME:} headers, nginx's stderr lines tolerated) and its
 *       includes are served from the dump, never from disk.
 *   <li>Tokenizing follows {@code ngx_conf_read_token()} exactly (see {@code Lexer}); a file that
 *       nginx would reject is rejected with a {@link dev.wslogs.nginxconf.NginxConfException} whose
 *       message starts with {@code file:line:column:} and quotes the token. Beyond syntax, the
 *       argument counts of the directives wslogs relies on are checked (that is how nginx reports a
 *       missing {@code ;}), as are the things the typed views depend on (log format names and
 *       escapes, error-log levels, listen ports, location modifiers, regexes).
 *   <li>{@code include}: relative names resolve against the main file's directory (nginx's conf
 *       prefix with {@code -c FILE}); globs ({@code *?[}) match per path component, skip dot-files
 *       and directories and are read in byte order, as glob(3) returns them; a glob matching
 *       nothing is fine, a missing plain file is an error at the include's file:line, and so is a
 *       file that includes itself, directly or not. The same file may be included twice.
 *   <li>The tree ({@link dev.wslogs.nginxconf.Directive}) keeps every directive, {@code if} blocks
 *       and {@code include} directives too; included directives follow their include in place and
 *       carry their own file:line. Values are immutable; absence is {@code Optional}, an empty list
 *       or a named constant, never null.
 *   <li>Server selection, location selection and inheritance mirror nginx 1.22's C code; see
 *       {@code ServerSelector}, {@code LocationSelector} and {@code Inheritance} for the rules,
 *       including the array rule for {@code proxy_set_header}/{@code add_header} (a level that sets
 *       one drops all inherited ones) and the {@code /ws} → {@code /ws/} auto redirect.
 * </ul>
 *
 * <p>Depends on the JDK and on {@code dev.wslogs.model} (for {@code ErrorLevel}) only.
 *
 * <h2>Limits</h2>
 * Only the http context is modelled as servers, upstreams, maps and formats ({@code stream} is in
 * the tree only). Host names in {@code listen} are compared as written, not resolved. A server
 * without {@code listen} is taken to listen on {@code *:80} (nginx uses 8000 when not started as
 * root). Location matching compares the URI it is given; pass {@link
 * dev.wslogs.nginxconf.RequestPath#normalize} of the logged request target to get nginx's
 * {@code $uri}. Regexes are PCRE run by {@code java.util.regex}; the two agree for the patterns
 * found in nginx configurations, named groups excepted (translated). {@code map} evaluation does
 * not expand {@code hostnames} wildcards. Paths in {@code access_log}/{@code error_log} are kept as
 * written (nginx resolves relative ones against its prefix, which a configuration does not state).
 */
package dev.wslogs.nginxconf;
