package sohoa.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A page's {@link Manifest.Preparation} told in Vietnamese, for the officer reading a report. */
final class PreparationText {
  private PreparationText() {}

  static String of(Manifest.Preparation p) {
    List<String> parts = new ArrayList<>();
    Manifest.OrientationEntry o = p.orientation();
    String turn = o.degrees() == 0 ? "giữ nguyên chiều quét" : "xoay " + o.degrees() + "°";
    parts.add(o.unsure()
        ? "chưa chắc chiều trang: giữ nguyên chiều quét, cần kiểm tra"
        : turn + " (" + evidence(o.decidedBy()) + ")");
    List<String> erased = new ArrayList<>();
    if (p.edges() > 0) {
      erased.add("mép tối/nền ngoài tờ giấy");
    }
    if (p.rules() > 0) {
      erased.add("đường kẻ/khung dài");
    }
    if (p.holes() > 0) {
      erased.add(p.holes() + " lỗ bấm");
    }
    if (!erased.isEmpty()) {
      parts.add("bỏ khi đọc: " + String.join(", ", erased));
    }
    if ("removed".equals(p.colour())) {
      parts.add("tách dấu đỏ, chữ ký xanh");
    }
    if (p.contrast().contains("bilevel-softened")) {
      parts.add("làm mịn ảnh đen trắng");
    }
    if (p.contrast().contains("bilevel-thickened")) {
      parts.add("nối nét chữ đứt (ảnh đen trắng)");
    }
    if (p.contrast().contains("paper-evened")) {
      parts.add("cân bằng nền giấy");
    }
    if (p.perspective() != 0) {
      parts.add(String.format(Locale.ROOT, "nắn phối cảnh ảnh chụp (dòng chữ lệch nhau %.1f°)",
          Math.abs(p.perspective())).replace('.', ','));
    }
    if (!"none".equals(p.enlargement())) {
      parts.add("phóng to " + p.enlargement().replace(" to ", " → ")
          .replace("bicubic+sharpen", "bicubic, làm nét"));
    }
    return String.join("; ", parts);
  }

  private static String evidence(String decidedBy) {
    return switch (decidedBy.toLowerCase(Locale.ROOT)) {
      case "lines" -> "theo dòng chữ";
      case "lines+reading" -> "theo dòng chữ, đã đọc thử cả hai chiều";
      case "lines+osd" -> "theo dòng chữ và nhận dạng hướng của Tesseract";
      case "osd" -> "theo nhận dạng hướng của Tesseract";
      case "reading" -> "đọc thử cả hai chiều, giữ chiều đọc chắc hơn";
      default -> decidedBy;
    };
  }
}
