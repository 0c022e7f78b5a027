/**
 * Immutable values that cross pipeline stages. Nothing here does I/O or imports another wslogs
 * package. Absent values are named constants ({@code ""}, {@code -1}) rather than nulls, so the
 * hot parsing path allocates nothing it does not keep.
 */
package dev.wslogs.model;
