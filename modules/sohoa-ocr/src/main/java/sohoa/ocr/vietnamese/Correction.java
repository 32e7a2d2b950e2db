package sohoa.ocr.vietnamese;

/**
 * One word the recognizer changed after reading it (a typewriter's l read as a capital, a
 * misread diacritic), with what the engine read and how sure it was: recorded so that every
 * change made to what was read can be seen and undone.
 */
public record Correction(String read, String corrected, float confidence) {}
