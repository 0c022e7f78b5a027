package dev.wslogs.nginxconf;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of nginx's location search for one URI.
 *
 * @param location the location whose configuration handles the request; empty when none matched,
 *                 in which case the server block's own configuration applies
 * @param kind     how it was found
 */
public record LocationMatch(Optional<Location> location, Kind kind) {

    public enum Kind {
        /** An {@code =} location equal to the URI. */
        EXACT,
        /** The longest matching prefix location (no regex matched, or {@code ^~}). */
        PREFIX,
        /** A regex location (possibly a location nested in it, or the regex nested in a prefix). */
        REGEX,
        /**
         * The URI is a {@code *_pass} location's name minus its trailing slash: nginx answers 301 to
         * {@code uri/} from that location; regex locations are not tried.
         */
        AUTO_REDIRECT,
        /** Nothing matched. */
        NONE
    }

    public static final LocationMatch NONE = new LocationMatch(Optional.empty(), Kind.NONE);

    public LocationMatch {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(kind, "kind");
        if (location.isEmpty() != (kind == Kind.NONE)) {
            throw new IllegalArgumentException("a location is present exactly when kind is not NONE");
        }
    }
}
