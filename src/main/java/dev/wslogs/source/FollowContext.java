package dev.wslogs.source;

import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * What every followed path and open file of one {@link FileFollower} shares. The read buffer is
 * shared because polling is single-threaded: memory is one buffer plus one partial line (at most
 * {@code maxLineBytes}) per open file, however many files are followed.
 */
record FollowContext(
        FollowerOptions options, InstantSource clock, FollowerListener listener, Consumer<FollowedLine> out, ByteBuffer buffer) {
    static FollowContext of(FollowerOptions options, InstantSource clock, FollowerListener listener, Consumer<FollowedLine> out) {
        return new FollowContext(options, clock, listener, out, ByteBuffer.allocate(FollowerOptions.READ_BUFFER_BYTES));
    }
}
