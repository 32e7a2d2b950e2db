package sohoa.pipeline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import sohoa.core.error.ConfigurationError;

/** The artifacts a digitisation can produce for each document. PDF/A is always made. */
public enum OutputFormat {
  PDFA("pdfa.pdf"),
  TXT("text.txt"),
  HOCR("hocr.html"),
  ALTO("alto.xml");

  private final String artifactName;

  OutputFormat(String artifactName) {
    this.artifactName = artifactName;
  }

  /** The object name under {@code documents/<id>/}. */
  public String artifactName() {
    return artifactName;
  }

  /** Parses {@code pdfa,hocr,alto,txt}; PDF/A is added when missing, as the archive copy. */
  public static Set<OutputFormat> parse(String list) throws ConfigurationError {
    Set<OutputFormat> formats = EnumSet.of(PDFA);
    for (String name : list.split(",")) {
      String key = name.strip().toUpperCase();
      if (key.isEmpty()) {
        continue;
      }
      formats.add(Arrays.stream(values()).filter(f -> f.name().equals(key)).findFirst()
          .orElseThrow(() -> new ConfigurationError("unknown output format '" + name.strip()
              + "' in --formats", "use a comma-separated list of pdfa, txt, hocr, alto")));
    }
    return formats;
  }
}
