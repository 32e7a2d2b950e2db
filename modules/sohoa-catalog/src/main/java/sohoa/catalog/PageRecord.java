package sohoa.catalog;

import sohoa.core.text.TextOrigin;

/** One page's text statistics. */
public record PageRecord(int number, TextOrigin origin, int wordCount, float meanConfidence) {}
