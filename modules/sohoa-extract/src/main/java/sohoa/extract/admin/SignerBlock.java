package sohoa.extract.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import sohoa.extract.fields.Field;
import sohoa.extract.fields.FieldName;
import sohoa.extract.layout.Found;
import sohoa.extract.layout.PageLayout;
import sohoa.extract.layout.Segment;

/**
 * The end of an administrative document: who signed it (người ký), in what position and on whose
 * authority, and where it was sent (nơi nhận).
 */
final class SignerBlock {
  /**
   * KT., TM., TL., TUQ., Q.: signing for another (ký thay, thay mặt, thừa lệnh, thừa ủy quyền,
   * quyền).
   */
  private static final Pattern AUTHORITY = Pattern.compile("^(kt|tm|tl|tuq|q)\\s*[.,]\\s*\\S");

  private SignerBlock() {}

  /**
   * The signer block at the end: in the right column, an upper-case position (chức vụ), above it
   * perhaps the authority ({@code KT. GIÁM ĐỐC}), below it the name in title case; and the
   * recipients (nơi nhận) in the left column.
   */
  static void read(List<PageLayout> pages, List<Field> fields) {
    for (int p = pages.size() - 1; p >= 0; p--) {
      PageLayout page = pages.get(p);
      List<Segment> right = page.segments().stream().filter(page::rightColumn).toList();
      for (int i = right.size() - 1; i > 0; i--) {
        Segment name = right.get(i);
        Segment position = right.get(i - 1);
        if (personName(name) && position.upperCase() && position.letterShare() > 0.8
            && !AUTHORITY.matcher(position.folded()).find()) {
          if (i >= 2 && right.get(i - 2).upperCase()
              && AUTHORITY.matcher(right.get(i - 2).folded()).find()) {
            fields.add(Found.in(right.get(i - 2))
                .field(FieldName.SIGNER_AUTHORITY, right.get(i - 2).text()));
          }
          fields.add(Found.in(position).field(FieldName.SIGNER_POSITION, position.text()));
          fields.add(Found.in(name).field(FieldName.SIGNER, name.text()));
          recipients(page, fields);
          return;
        }
      }
    }
  }

  /** Two to six words, each a capital followed by small letters: {@code Nguyễn Thị Lụa}. */
  static boolean personName(Segment segment) {
    String[] words = segment.text().split(" ");
    if (words.length < 2 || words.length > 6) {
      return false;
    }
    for (String word : words) {
      if (word.length() < 1 || !Character.isUpperCase(word.charAt(0))
          || !word.chars().skip(1).allMatch(Character::isLowerCase)) {
        return false;
      }
    }
    return true;
  }

  private static void recipients(PageLayout page, List<Field> fields) {
    List<Segment> segments = page.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (page.leftColumn(segments.get(i))
          && segments.get(i).folded().strip().startsWith("noi nhan")) {
        List<Segment> items = new ArrayList<>();
        for (int j = i + 1; j < segments.size(); j++) {
          Segment s = segments.get(j);
          if (page.leftColumn(s) && s.text().matches("^[-–•].*")) {
            items.add(s);
          }
        }
        if (!items.isEmpty()) {
          fields.add(new Found(items).field(FieldName.RECIPIENTS, items.stream()
              .map(s -> s.text().replaceAll("^[-–•]\\s*", "").replaceAll("[;.,]+$", "").strip())
              .collect(Collectors.joining("; "))));
        }
        return;
      }
    }
  }
}
