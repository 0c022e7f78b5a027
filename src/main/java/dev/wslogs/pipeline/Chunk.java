package dev.wslogs.pipeline;

/**
 * A run of whole lines of one input file, as read: {@code data[0, length)} starts at a line start,
 * stream offset {@code baseOffset}, and ends just after a {@code \n} — except the last chunk of a
 * file (a final line without one) and a runaway line cut at the line limit, whose remaining bytes
 * were skipped. The buffer goes back to its pool once the chunk has been consumed.
 */
final class Chunk {
    enum EndNote { NONE, TRUNCATED, READ_ERROR }

    final int file;
    final byte[] data;
    final int length;
    final long baseOffset;
    final boolean endOfFile;
    /** Set on the last chunk of a file: how reading ended. */
    final EndNote endNote;
    final String endMessage;
    /** Bytes read from the file, on its last chunk when reading completed (else -1). */
    final long fileBytes;

    Chunk(int file, byte[] data, int length, long baseOffset, boolean endOfFile, EndNote endNote, String endMessage, long fileBytes) {
        this.file = file;
        this.data = data;
        this.length = length;
        this.baseOffset = baseOffset;
        this.endOfFile = endOfFile;
        this.endNote = endNote;
        this.endMessage = endMessage;
        this.fileBytes = fileBytes;
    }
}
