package sohoa.pipeline;

import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;

/** A page already in the PDF/A: its manifest entry, text and alignment, without its pixels. */
record WrittenPage(Manifest.PageEntry entry, PageText text, Alignment alignment) {}
