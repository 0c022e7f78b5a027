/**
 * Path in, lines out. Everything that touches files lives here: decompression, byte-exact line
 * splitting with offsets (the basis of checkpoints and incident ids), detection of a file's log
 * kind, ordering of rotated series. Nothing here parses nginx syntax beyond what detection needs.
 */
package dev.wslogs.source;
