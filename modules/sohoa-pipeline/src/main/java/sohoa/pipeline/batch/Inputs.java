package sohoa.pipeline.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a batch will read: the files in order, and what was passed over while collecting them
 * (with the reason), so nothing is left out silently.
 */
public record Inputs(List<Path> files, List<String> passedOver) {
  public Inputs {
    files = List.copyOf(files);
    passedOver = List.copyOf(passedOver);
  }
}
