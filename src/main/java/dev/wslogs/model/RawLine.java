package dev.wslogs.model;

import java.util.Objects;

/**
 * One physical line without its line terminator. {@code text} is the bytes decoded as UTF-8, where
 * every byte that is not part of a valid UTF-8 sequence is written as {@code \xHH} (nginx's own
 * escape), so no input byte is lost and no replacement character hides what nginx wrote.
 */
public record RawLine(LinePosition position, String text) {
    public RawLine {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(text, "text");
    }
}
