package sohoa.core.document;

import java.util.Arrays;
import java.util.Optional;

/** The input formats sohoa digitises, each named by the media type its content is detected as. */
public enum InputFormat {
  TIFF("image/tiff"),
  PNG("image/png"),
  JPEG("image/jpeg"),
  PDF("application/pdf");

  private final String mediaType;

  InputFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format for a detected media type; empty when sohoa does not take that type. */
  public static Optional<InputFormat> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(f -> f.mediaType.equals(mediaType)).findFirst();
  }
}
