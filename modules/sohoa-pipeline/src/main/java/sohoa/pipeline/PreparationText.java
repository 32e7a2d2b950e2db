package sohoa.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sohoa.core.i18n.Messages;

/** A page's {@link Manifest.Preparation} told in the officer's words, for the job report. */
final class PreparationText {
  private PreparationText() {}

  static String of(Manifest.Preparation p, Messages words) {
    List<String> parts = new ArrayList<>();
    Manifest.OrientationEntry o = p.orientation();
    String turn = o.degrees() == 0 ? words.text("preparation.kept")
        : words.text("preparation.turned", o.degrees());
    parts.add(o.unsure() ? words.text("preparation.unsure")
        : words.text("preparation.decided", turn, evidence(o.decidedBy(), words)));
    List<String> erased = new ArrayList<>();
    if (p.edges() > 0) {
      erased.add(words.text("preparation.edges"));
    }
    if (p.rules() > 0) {
      erased.add(words.text("preparation.rules"));
    }
    if (p.holes() > 0) {
      erased.add(words.text("preparation.holes", p.holes()));
    }
    if (!erased.isEmpty()) {
      parts.add(words.text("preparation.erased", String.join(", ", erased)));
    }
    if ("removed".equals(p.colour())) {
      parts.add(words.text("preparation.colour"));
    }
    if (p.contrast().contains("bilevel-softened")) {
      parts.add(words.text("preparation.softened"));
    }
    if (p.contrast().contains("bilevel-thickened")) {
      parts.add(words.text("preparation.thickened"));
    }
    if (p.contrast().contains("paper-evened")) {
      parts.add(words.text("preparation.evened"));
    }
    if (p.perspective() != 0) {
      parts.add(words.text("preparation.perspective",
          String.format(words.locale(), "%.1f", Math.abs(p.perspective()))));
    }
    if (!"none".equals(p.enlargement())) {
      parts.add(words.text("preparation.enlarged", p.enlargement().replace(" to ", " → ")
          .replace("bicubic+sharpen", words.text("preparation.sharpened"))));
    }
    if (p.strayWords() > 0) {
      parts.add(words.text("preparation.stray", p.strayWords()));
    }
    if (p.typewritten()) {
      parts.add(words.text("preparation.typewritten"));
    }
    if (p.loweredLs() > 0) {
      parts.add(words.text("preparation.lowered", p.loweredLs()));
    }
    return String.join("; ", parts);
  }

  private static String evidence(String decidedBy, Messages words) {
    String key = "preparation.by." + decidedBy.toLowerCase(Locale.ROOT);
    return words.has(key) ? words.text(key) : decidedBy;
  }
}
