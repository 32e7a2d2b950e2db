package sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import sohoa.core.error.SohoaException;
import sohoa.core.ocr.EngineFactory;
import sohoa.core.ocr.OcrEngine;
import sohoa.core.text.PageText;

/**
 * A fixed number of OCR engines shared by worker threads. Engines are created when first needed
 * and then reused, because loading a language model costs more than recognising a page.
 * Thread-safe.
 */
public final class EnginePool implements AutoCloseable {
  private final EngineFactory factory;
  private final BlockingQueue<OcrEngine> idle;
  private final List<OcrEngine> all = new ArrayList<>();
  private final int size;
  private boolean closed;

  public EnginePool(int size, EngineFactory factory) {
    if (size < 1) {
      throw new IllegalArgumentException("an engine pool needs at least one engine, got " + size);
    }
    this.size = size;
    this.factory = factory;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /** Recognises a page on an idle engine, waiting for one if all are busy. */
  public PageText recognize(BufferedImage page, int dpi) throws SohoaException {
    return withEngine(engine -> engine.recognize(page, dpi));
  }

  /** Detects a page's orientation on an idle engine; see {@link OcrEngine#uprightTurns}. */
  public int uprightTurns(BufferedImage page, int dpi) throws SohoaException {
    return withEngine(engine -> engine.uprightTurns(page, dpi));
  }

  /** The description of the engines in this pool, creating one if none exists yet. */
  public String description() throws SohoaException {
    return withEngine(OcrEngine::description);
  }

  private interface EngineCall<T> {
    T apply(OcrEngine engine) throws SohoaException;
  }

  private <T> T withEngine(EngineCall<T> call) throws SohoaException {
    OcrEngine engine = acquire();
    try {
      return call.apply(engine);
    } finally {
      idle.add(engine);
    }
  }

  private OcrEngine acquire() throws SohoaException {
    OcrEngine engine = idle.poll();
    if (engine != null) {
      return engine;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the engine pool is closed");
      }
      if (all.size() < size) {
        OcrEngine created = factory.create();
        all.add(created);
        return created;
      }
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an OCR engine", e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    all.forEach(OcrEngine::close);
    all.clear();
    idle.clear();
  }
}
