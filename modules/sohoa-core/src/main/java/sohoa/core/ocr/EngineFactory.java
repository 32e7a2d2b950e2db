package sohoa.core.ocr;

import sohoa.core.error.SohoaException;

/** Makes a new, initialised engine; called once per pool slot. */
@FunctionalInterface
public interface EngineFactory {
  OcrEngine create() throws SohoaException;
}
