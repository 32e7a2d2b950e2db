package sohoa.extract.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohoa.core.text.Folding;
import java.util.stream.Collectors;
import sohoa.extract.fields.Field;
import sohoa.extract.fields.FieldName;
import sohoa.extract.layout.Found;
import sohoa.extract.layout.PageLayout;
import sohoa.extract.layout.Segment;

/**
 * Reads the components of an administrative document where Decree 30/2020/NĐ-CP (Appendix I)
 * puts them: on the first page, the agency block in the left column over the number and symbol,
 * the national title and the place and date in the right column, then the type and the summary
 * centred (or, for a công văn, the summary under the number); at the end, the signer's authority,
 * position and name in the right column and the recipients in the left. A field that is not
 * where it belongs is not reported: guessing would put wrong facts into the catalog.
 */
public final class AdministrativeFields {
  /** {@code V/v} (về việc) opening a công văn's summary, as OCR reads it: V/v, V/, V/y. */
  private static final Pattern SUBJECT = Pattern.compile("^\\s*v\\s*/\\s*[vy]?\\s");
  /** Quốc hiệu and tiêu ngữ, folded and without spaces or punctuation, as {@link #squeezed}. */
  private static final String NATIONAL_TITLE = "conghoaxahoichunghiavietnam";
  private static final String MOTTO = "doclaptudohanhphuc";
  /** The header takes at most this share of the first page's height. */
  private static final double HEADER_SHARE = 0.45;
  /** The fields written in running words, whose marks known phrases can restore. */
  private static final Set<FieldName> IN_WORDS = EnumSet.of(FieldName.PARENT_AGENCY,
      FieldName.AGENCY, FieldName.SUMMARY, FieldName.SIGNER_POSITION);

  private final PhraseMarks marks = PhraseMarks.administrative();

  /** The fields found, in the order of {@link FieldName}; empty if this is not such a document. */
  public List<Field> read(List<PageLayout> pages) {
    List<Field> fields = new ArrayList<>();
    if (pages.isEmpty()) {
      return fields;
    }
    PageLayout first = pages.get(0);
    List<Segment> header = first.segments().stream()
        .filter(s -> s.box().top() < first.height() * HEADER_SHARE).toList();
    Optional<Segment> titleAt = header.stream()
        .filter(s -> squeezed(s).contains(NATIONAL_TITLE) || squeezed(s).contains(MOTTO))
        .findFirst();
    Optional<Located<NumberSymbol>> numbered = firstParsed(header, NumberSymbol::parse);
    Optional<Segment> numberAt = numbered.map(Located::at);
    Optional<NumberSymbol> number = numbered.map(Located::value);
    Optional<Located<IssuePlaceDate>> dated = firstParsed(header, IssuePlaceDate::parse);
    if (numberAt.isEmpty() && dated.isEmpty() && titleAt.isEmpty()) {
      return fields;
    }
    // Absence of the national title is read with the same trust as the header around it.
    fields.add(new Field(FieldName.NATIONAL_TITLE, String.valueOf(titleAt.isPresent()),
        titleAt.map(Segment::confidence).orElse(0.9), 1, Optional.empty()));
    int headerBottom = Math.max(numberAt.map(s -> s.box().bottom()).orElse(0),
        dated.map(d -> d.at().box().bottom()).orElse(0));
    agencies(first, header, numberAt, fields);
    numbered.ifPresent(n -> numberFields(n.value(), Found.in(n.at()), fields));
    dated.ifPresent(d -> {
      Found at = Found.in(d.at());
      if (!d.value().place().isEmpty()) {
        fields.add(at.field(FieldName.PLACE, d.value().place()));
      }
      fields.add(at.field(FieldName.DATE, d.value().date().toString(), d.value().repaired()));
    });
    typeAndSummary(first, headerBottom, numberAt, number, fields);
    SignerBlock.read(pages, fields);
    return fields.stream().map(this::withPhraseMarks).toList();
  }

  /** The field with the marks of known phrases restored, trusted as a repair if any was. */
  private Field withPhraseMarks(Field field) {
    if (!IN_WORDS.contains(field.name())) {
      return field;
    }
    String restored = marks.restore(field.value());
    return restored.equals(field.value()) ? field : new Field(field.name(), restored,
        field.confidence() * Found.REPAIRED, field.page(), field.box());
  }

  /** A value read from a segment, with the segment it was read from. */
  private record Located<T>(Segment at, T value) {}

  /** The first segment {@code parser} reads a value from, parsed once. */
  private static <T> Optional<Located<T>> firstParsed(List<Segment> segments,
      BiFunction<String, String, Optional<T>> parser) {
    for (Segment s : segments) {
      Optional<T> value = parser.apply(s.text(), s.folded());
      if (value.isPresent()) {
        return Optional.of(new Located<>(s, value.get()));
      }
    }
    return Optional.empty();
  }

  private static String squeeze(String folded) {
    return folded.replaceAll("[^a-z]", "");
  }

  private static String squeezed(Segment s) {
    return squeeze(s.folded());
  }

  /** Upper-case lines of the left column above the number: chủ quản first, then the issuer. */
  private static void agencies(PageLayout page, List<Segment> header, Optional<Segment> numberAt,
      List<Field> fields) {
    int limit = numberAt.map(s -> s.box().top()).orElse(page.height() / 6);
    List<Segment> block = header.stream()
        .map(AdministrativeFields::withoutNationalTitle).flatMap(Optional::stream)
        .filter(s -> s.box().bottom() <= limit + 2 && page.leftColumn(s) && s.upperCase()
            && s.letterShare() > 0.6)
        .toList();
    if (block.isEmpty()) {
      return;
    }
    if (block.size() >= 2) {
      fields.add(Found.in(block.get(0))
          .field(FieldName.PARENT_AGENCY, name(block.get(0).text())));
      List<Segment> issuer = block.subList(1, block.size());
      fields.add(new Found(issuer).field(FieldName.AGENCY, name(joined(issuer))));
    } else {
      fields.add(Found.in(block.get(0)).field(FieldName.AGENCY, name(block.get(0).text())));
    }
  }

  /** An agency's name without the stray marks OCR makes of the rule printed under it. */
  private static String name(String text) {
    return text.replaceAll("[\\s.,;:_\\-—–]+$", "");
  }

  /**
   * The segment without the national title, which a long agency name can leave too narrow a gap
   * from to be split off by layout alone; empty if nothing is left.
   */
  private static Optional<Segment> withoutNationalTitle(Segment segment) {
    int at = segment.folded().indexOf("cong hoa xa hoi");
    return at < 0 ? Optional.of(segment) : segment.before(at);
  }

  private static void numberFields(NumberSymbol n, Found at, List<Field> fields) {
    fields.add(at.field(FieldName.NUMBER, n.printed(), n.repaired()));
    fields.add(at.field(FieldName.NUMBER_VALUE, String.valueOf(n.number()), n.repaired()));
    n.year().ifPresent(y -> fields.add(at.field(FieldName.NUMBER_YEAR, String.valueOf(y))));
    n.typeCode().ifPresent(c -> fields.add(at.field(FieldName.TYPE_CODE, c)));
    fields.add(at.field(FieldName.AGENCY_CODE, n.agencyCode()));
    n.unitCode().ifPresent(c -> fields.add(at.field(FieldName.UNIT_CODE, c)));
  }

  private static void typeAndSummary(PageLayout page, int headerBottom,
      Optional<Segment> numberAt, Optional<NumberSymbol> number, List<Field> fields) {
    List<Segment> segments = page.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s.box().top() < headerBottom - s.box().height() || !s.upperCase()) {
        continue;
      }
      Optional<String> type = DocumentTypes.ofTitle(s.folded());
      if (type.isPresent()) {
        fields.add(Found.in(s).field(FieldName.TYPE, type.get()));
        List<Segment> summary = centredRun(page, segments, i + 1);
        if (!summary.isEmpty()) {
          fields.add(new Found(summary).field(FieldName.SUMMARY, joined(summary)));
        }
        return;
      }
      if (page.fullWidth(s) || s.box().top() > page.height() * HEADER_SHARE) {
        break;
      }
    }
    // No title line: a công văn, whose summary (V/v …) sits under the number.
    Optional<Segment> subject = numberAt.flatMap(n -> segments.stream()
        .filter(s -> s.box().top() >= n.box().bottom() - 2 && page.leftColumn(s)
            && SUBJECT.matcher(s.folded()).find())
        .findFirst());
    if (subject.isPresent()) {
      List<Segment> summary = columnRun(page, segments, segments.indexOf(subject.get()));
      String text = joined(summary);
      Matcher prefix = SUBJECT.matcher(Folding.fold(text));
      prefix.find();
      String repairedText = "V/v " + text.substring(prefix.end()).strip();
      fields.add(new Found(summary).field(FieldName.SUMMARY, repairedText,
          !text.startsWith("V/v ")));
    }
    if (subject.isPresent() || number.map(n -> n.typeCode().isEmpty()).orElse(false)) {
      numberAt.ifPresent(n -> fields.add(Found.in(n).field(FieldName.TYPE,
          DocumentTypes.OFFICIAL_LETTER, subject.isEmpty())));
    } else {
      number.flatMap(NumberSymbol::typeCode).flatMap(DocumentTypes::ofCode)
          .ifPresent(t -> fields.add(Found.in(numberAt.get()).field(FieldName.TYPE, t, true)));
    }
  }

  /** The centred lines that follow a title, up to the body or the rule under them. */
  private static List<Segment> centredRun(PageLayout page, List<Segment> segments, int from) {
    List<Segment> run = new ArrayList<>();
    for (int i = from; i < segments.size(); i++) {
      Segment s = segments.get(i);
      Segment previous = run.isEmpty() ? segments.get(from - 1) : run.get(run.size() - 1);
      // Summary lines are set solid and narrower than the body, which starts a blank line below.
      if (!page.centred(s) || s.box().width() > page.textWidth() * 0.8 || s.letterShare() < 0.6
          || s.box().top() - previous.box().bottom() > 0.8 * previous.box().height()) {
        break;
      }
      run.add(s);
    }
    return run;
  }

  /** A left-column line and those right under it in the same column (a wrapped summary). */
  private static List<Segment> columnRun(PageLayout page, List<Segment> segments, int from) {
    List<Segment> run = new ArrayList<>(List.of(segments.get(from)));
    for (int i = from + 1; i < segments.size(); i++) {
      Segment s = segments.get(i);
      Segment previous = run.get(run.size() - 1);
      if (!page.leftColumn(s)) {
        continue;
      }
      if (s.box().top() - previous.box().bottom() > 1.2 * previous.box().height()
          || s.letterShare() < 0.6 || page.fullWidth(s)
          || IssuePlaceDate.parse(s.text(), s.folded()).isPresent()) {
        break;
      }
      run.add(s);
    }
    return run;
  }

  private static String joined(List<Segment> segments) {
    return segments.stream().map(Segment::text).collect(Collectors.joining(" "));
  }
}
