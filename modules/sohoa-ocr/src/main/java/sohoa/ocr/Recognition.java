package sohoa.ocr;

import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;

/** A recognised page: its text, measured on the page turned and straightened as {@code alignment} says. */
public record Recognition(PageText text, Alignment alignment) {}
