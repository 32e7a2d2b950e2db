package sohoa.archive.fixity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sohoa.core.files.AtomicFile;

/**
 * Where an interrupted audit stopped: the last document checked (documents are walked in id
 * order) and what was found before it. Written atomically every few documents, so a killed audit
 * of millions of objects continues instead of starting over.
 *
 * @param scope the scope it was started with; a run with another scope starts over
 */
record Checkpoint(String scope, String lastDocument, long documents, long objects, long bytes,
    List<Finding> findings) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  Checkpoint {
    findings = List.copyOf(findings);
  }

  static Optional<Checkpoint> read(Path file, String scope) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Checkpoint c = JSON.readValue(file.toFile(), Checkpoint.class);
      return scope.equals(c.scope()) ? Optional.of(c) : Optional.empty();
    } catch (IOException e) {
      // A checkpoint cut short by a crash: start over, nothing is lost but time.
      return Optional.empty();
    }
  }

  void write(Path file) throws IOException {
    AtomicFile.write(file, out -> out.write(JSON.writeValueAsBytes(this)));
  }
}
