package sohoa.extract.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.core.text.Folding;

/** Tên loại văn bản: the types Decree 30/2020/NĐ-CP lists, and the legal documents' own. */
final class DocumentTypes {
  static final String OFFICIAL_LETTER = "Công văn";

  private static final List<String> NAMES = List.of("Nghị quyết", "Quyết định", "Chỉ thị",
      "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn", "Chương trình", "Kế hoạch",
      "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng",
      OFFICIAL_LETTER, "Công điện", "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời",
      "Giấy giới thiệu", "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công",
      "Nghị định", "Thông tư", "Luật");

  private static final Map<String, String> BY_CODE = Map.ofEntries(Map.entry("NQ", "Nghị quyết"),
      Map.entry("QĐ", "Quyết định"), Map.entry("CT", "Chỉ thị"), Map.entry("QC", "Quy chế"),
      Map.entry("QYĐ", "Quy định"), Map.entry("TC", "Thông cáo"), Map.entry("TB", "Thông báo"),
      Map.entry("HD", "Hướng dẫn"), Map.entry("CTr", "Chương trình"), Map.entry("KH", "Kế hoạch"),
      Map.entry("PA", "Phương án"), Map.entry("ĐA", "Đề án"), Map.entry("DA", "Dự án"),
      Map.entry("BC", "Báo cáo"), Map.entry("BB", "Biên bản"), Map.entry("TTr", "Tờ trình"),
      Map.entry("HĐ", "Hợp đồng"), Map.entry("CĐ", "Công điện"), Map.entry("BGN", "Bản ghi nhớ"),
      Map.entry("BTT", "Bản thỏa thuận"), Map.entry("GUQ", "Giấy ủy quyền"),
      Map.entry("GM", "Giấy mời"), Map.entry("GGT", "Giấy giới thiệu"),
      Map.entry("GNP", "Giấy nghỉ phép"), Map.entry("PG", "Phiếu gửi"),
      Map.entry("PC", "Phiếu chuyển"), Map.entry("PB", "Phiếu báo"), Map.entry("NĐ", "Nghị định"),
      Map.entry("TT", "Thông tư"));

  private DocumentTypes() {}

  /** The type whose name a title line spells, however its marks were read. */
  static Optional<String> ofTitle(String folded) {
    String title = folded.strip().replaceAll("[.:;,]+$", "").replaceAll("\\s+", " ");
    return NAMES.stream().filter(name -> Folding.fold(name).equals(title)).findFirst();
  }

  /** The type an abbreviation in a number's symbol stands for. */
  static Optional<String> ofCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }
}
