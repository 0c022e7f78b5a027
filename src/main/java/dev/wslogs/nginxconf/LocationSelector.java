package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Optional;

/**
 * nginx's location search ({@code ngx_http_core_find_location} and
 * {@code ngx_http_core_find_static_location}), level by level:
 *
 * <ol>
 *   <li>static search among the level's {@code =} and prefix locations: an {@code =} equal to the
 *       URI wins at once; a prefix location equal to the URI is the match; else a {@code *_pass}
 *       location named URI + "/" means a 301 (auto redirect, regexes not tried); else the longest
 *       matching prefix is remembered;
 *   <li>for a remembered prefix, the same search runs among its nested locations first; an exact
 *       or regex match found there is final;
 *   <li>unless the remembered prefix has {@code ^~}, the level's regex locations are tried in
 *       configuration order; the first that matches (then its own nested locations) is final;
 *   <li>else the remembered prefix (or nothing).
 * </ol>
 * A {@code ^~} on a nested prefix stops regex checks of its own level only. Comparison is
 * case-sensitive (Linux) and on the URI as given — nginx matches the normalized {@code $uri}; see
 * {@link RequestPath#normalize}.
 */
final class LocationSelector {

    private enum Rc { OK, DONE, AGAIN, DECLINED }

    /** A search result: the return code and the location configuration in effect ("r->loc_conf"). */
    private record Result(Rc rc, Location location) {}

    private final NginxRegex regex;

    LocationSelector(NginxRegex regex) {
        this.regex = regex;
    }

    LocationMatch match(ServerBlock server, String uri) {
        Result r = find(server.locations(), null, uri);
        if (r.location() == null) return LocationMatch.NONE;
        LocationMatch.Kind kind = switch (r.rc()) {
            case DONE -> LocationMatch.Kind.AUTO_REDIRECT;
            default -> switch (r.location().modifier()) {
                case EXACT -> LocationMatch.Kind.EXACT;
                case REGEX, REGEX_CASELESS -> LocationMatch.Kind.REGEX;
                default -> LocationMatch.Kind.PREFIX;
            };
        };
        return new LocationMatch(Optional.of(r.location()), kind);
    }

    /** One level: {@code current} is the configuration in effect before searching it. */
    private Result find(List<Location> level, Location current, String uri) {
        Result st = findStatic(level, uri);
        Rc rc = st.rc();
        Location conf = current;
        boolean noRegex = false;
        if (rc == Rc.OK || rc == Rc.DONE) return st;
        if (rc == Rc.AGAIN) {
            noRegex = st.location().modifier() == LocationModifier.PREFIX_NO_REGEX;
            Result nested = find(st.location().locations(), st.location(), uri);
            rc = nested.rc();
            conf = nested.location();
            if (rc == Rc.OK || rc == Rc.DONE) return nested;
        }
        if (!noRegex) {
            for (Location l : level) {
                if (l.isRegex() && regex.get(l.pattern(), l.modifier() == LocationModifier.REGEX_CASELESS)
                        .matcher(uri).find()) {
                    Result nested = find(l.locations(), l, uri);
                    return new Result(Rc.OK, nested.location());
                }
            }
        }
        return new Result(rc, conf);
    }

    private static Result findStatic(List<Location> level, String uri) {
        for (Location l : level) {
            if (l.modifier() == LocationModifier.EXACT && l.pattern().equals(uri)) return new Result(Rc.OK, l);
        }
        Location longest = null;
        for (Location l : level) {
            if (l.modifier().isPrefix() && uri.startsWith(l.pattern())
                    && (longest == null || l.pattern().length() > longest.pattern().length())) {
                longest = l;
            }
        }
        if (longest != null && longest.pattern().length() == uri.length()) return new Result(Rc.AGAIN, longest);
        Optional<Location> redirect = autoRedirect(level, uri + "/");
        if (redirect.isPresent()) return new Result(Rc.DONE, redirect.get());
        return longest != null ? new Result(Rc.AGAIN, longest) : new Result(Rc.DECLINED, null);
    }

    /**
     * nginx merges an {@code =} and a prefix location of the same name into one tree node that
     * redirects if either has a {@code *_pass}, answering from the {@code =} one when it exists.
     */
    private static Optional<Location> autoRedirect(List<Location> level, String name) {
        boolean redirects = level.stream().anyMatch(l -> isStatic(l) && l.pattern().equals(name) && l.autoRedirect());
        if (!redirects) return Optional.empty();
        Optional<Location> exact = level.stream()
                .filter(l -> l.modifier() == LocationModifier.EXACT && l.pattern().equals(name)).findFirst();
        return exact.isPresent() ? exact
                : level.stream().filter(l -> l.modifier().isPrefix() && l.pattern().equals(name)).findFirst();
    }

    private static boolean isStatic(Location l) {
        return l.modifier() == LocationModifier.EXACT || l.modifier().isPrefix();
    }
}
