package sohoa.catalog;

import sohoa.core.text.TextOrigin;

/** One page's text statistics, and whether a person should check its text. */
public record PageRecord(int number, TextOrigin origin, int wordCount, float meanConfidence,
    boolean needsReview) {}
