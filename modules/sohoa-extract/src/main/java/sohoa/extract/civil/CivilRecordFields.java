package sohoa.extract.civil;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohoa.extract.layout.OcrDigits;
import sohoa.extract.fields.DocumentKind;
import sohoa.extract.fields.Field;
import sohoa.extract.fields.FieldName;
import sohoa.extract.layout.Found;
import sohoa.extract.layout.PageLayout;
import sohoa.extract.layout.Segment;

/**
 * Reads the civil-status records (hộ tịch) whose forms Circular 04/2020/TT-BTP prescribes — the
 * birth certificate (giấy khai sinh) and the death extract (trích lục khai tử) — by their printed
 * labels: {@code Họ, chữ đệm, tên:}, {@code Ngày, tháng, năm sinh:}, {@code Giới tính:},
 * {@code Số định danh cá nhân:}, {@code Nơi sinh:}, {@code Đã chết vào lúc:}, {@code Nơi chết:},
 * {@code Số:} and {@code Quyển số:}.
 */
public final class CivilRecordFields {
  private static final Pattern DATE = Pattern.compile(
      "([0-9oil]{1,2})\\s*[/.-]\\s*([0-9oil]{1,2})\\s*[/.-]\\s*([0-9oil]{4})"
          + "|ngay\\s+([0-9oil]{1,2})\\s+thang\\s+([0-9oil]{1,2})\\s+nam\\s+([0-9oil]{4})");
  /** Labels, folded, each with the field it introduces; longer labels first. */
  private static final List<Label> LABELS = List.of(
      new Label("ho, chu dem, ten", FieldName.FULL_NAME),
      new Label("ho, chu dem va ten", FieldName.FULL_NAME),
      new Label("ho va ten", FieldName.FULL_NAME),
      new Label("ngay, thang, nam sinh", FieldName.BIRTH_DATE),
      new Label("gioi tinh", FieldName.SEX),
      new Label("so dinh danh ca nhan", FieldName.PERSONAL_ID),
      new Label("noi sinh", FieldName.EVENT_PLACE),
      new Label("da chet vao luc", FieldName.DEATH_DATE),
      new Label("noi chet", FieldName.EVENT_PLACE),
      new Label("quyen so", FieldName.REGISTRATION_BOOK),
      new Label("dan toc", null),
      new Label("quoc tich", null),
      new Label("noi cu tru", null),
      new Label("nguyen nhan chet", null));

  /** A label and, compiled once, where it stands in a line: at its start or after a separator. */
  private record Label(String folded, FieldName field, Pattern at) {
    Label(String folded, FieldName field) {
      this(folded, field, Pattern.compile("(?:^|[\\s,.;])(" + Pattern.quote(folded) + ")\\s*:"));
    }
  }

  /** {@code Số: 123} at the head of a record: a registration number without a symbol. */
  private static final Pattern REGISTRATION =
      Pattern.compile("^\\s*s[o06]\\s*[:;.]\\s*([0-9oil]{1,6})\\b");

  /** The kind of civil record these pages are, if they are one. */
  public Optional<DocumentKind> kind(List<PageLayout> pages) {
    for (PageLayout page : pages.subList(0, Math.min(1, pages.size()))) {
      for (Segment s : page.segments()) {
        String folded = s.folded().strip();
        if (folded.equals("giay khai sinh") || folded.startsWith("giay khai sinh (")) {
          return Optional.of(DocumentKind.BIRTH_CERTIFICATE);
        }
        if (folded.startsWith("trich luc khai tu")) {
          return Optional.of(DocumentKind.DEATH_CERTIFICATE);
        }
      }
    }
    return Optional.empty();
  }

  /** The labelled fields of a civil record, each taken once (the first time it is printed). */
  public List<Field> read(List<PageLayout> pages) {
    List<Field> fields = new ArrayList<>();
    Optional<LocalDate> birth = Optional.empty();
    Optional<Boolean> female = Optional.empty();
    List<Field> ids = new ArrayList<>();
    for (PageLayout page : pages) {
      for (Segment s : page.segments()) {
        String folded = s.folded();
        registrationNumber(s, folded, fields);
        for (Labelled labelled : labelled(s.text(), folded)) {
          FieldName name = labelled.label.field();
          if (name == null || fields.stream().anyMatch(f -> f.name() == name)) {
            continue;
          }
          Found at = Found.in(s);
          switch (name) {
            case BIRTH_DATE, DEATH_DATE -> {
              Optional<LocalDate> date = date(labelled.foldedValue);
              date.ifPresent(d -> fields.add(at.field(name, d.toString())));
              if (name == FieldName.BIRTH_DATE) {
                birth = date;
              }
            }
            case SEX -> {
              String sex = labelled.foldedValue.strip();
              if (sex.startsWith("nam")) {
                fields.add(at.field(name, "Nam"));
                female = Optional.of(false);
              } else if (sex.startsWith("nu")) {
                fields.add(at.field(name, "Nữ"));
                female = Optional.of(true);
              }
            }
            case PERSONAL_ID -> PersonalId.parse(labelled.value)
                .ifPresent(id -> ids.add(at.field(name, id.digits())));
            default -> {
              String value = labelled.value.strip().replaceAll("[.;,]+$", "");
              if (!value.isEmpty()) {
                fields.add(at.field(name, value));
              }
            }
          }
        }
      }
    }
    for (Field id : ids) {
      if (new PersonalId(id.value()).agreesWith(birth, female)) {
        fields.add(id);
      }
    }
    return fields;
  }

  /** {@code Số: 123} at the head of the record, a registration number without a symbol. */
  private static void registrationNumber(Segment s, String folded, List<Field> fields) {
    Matcher m = REGISTRATION.matcher(folded);
    if (m.find() && fields.stream().noneMatch(f -> f.name() == FieldName.REGISTRATION_NUMBER)) {
      String digits = OcrDigits.repair(m.group(1));
      fields.add(Found.in(s).field(FieldName.REGISTRATION_NUMBER, digits,
          !digits.equals(m.group(1))));
    }
  }

  private record Labelled(Label label, String value, String foldedValue) {}

  /** The labels in a line and the text after each, up to the next label. */
  private static List<Labelled> labelled(String text, String folded) {
    List<int[]> at = new ArrayList<>();
    List<Label> found = new ArrayList<>();
    for (Label label : LABELS) {
      Matcher m = label.at().matcher(folded);
      while (m.find()) {
        int start = m.start(1);
        if (at.stream().noneMatch(r -> start >= r[0] && start < r[1])) {
          at.add(new int[] {start, m.end()});
          found.add(label);
        }
      }
    }
    List<Labelled> result = new ArrayList<>();
    for (int i = 0; i < at.size(); i++) {
      int end = folded.length();
      for (int[] other : at) {
        if (other[0] > at.get(i)[0] && other[0] < end) {
          end = other[0];
        }
      }
      int from = at.get(i)[1];
      result.add(new Labelled(found.get(i), text.substring(from, end),
          folded.substring(from, end)));
    }
    return result;
  }

  private static Optional<LocalDate> date(String folded) {
    Matcher m = DATE.matcher(folded);
    if (!m.find()) {
      return Optional.empty();
    }
    int g = m.group(1) != null ? 1 : 4;
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(OcrDigits.repair(m.group(g + 2))),
          Integer.parseInt(OcrDigits.repair(m.group(g + 1))),
          Integer.parseInt(OcrDigits.repair(m.group(g)))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
