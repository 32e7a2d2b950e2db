package sohoa.catalog;

import java.time.Instant;
import java.util.Optional;

/** A batch as the catalog keeps it: when it ran, how many inputs it had, and its tallies. */
public record JobRecord(String id, Instant startedAt, Optional<Instant> finishedAt, int inputs,
    int pages) {}
