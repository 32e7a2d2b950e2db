package sohoa.extract.civil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdTest {

  @Test
  void parse_validNumber_decodesProvinceSexAndYear() {
    PersonalId id = PersonalId.parse("038 320 001234").orElseThrow();

    assertEquals("038", id.province());
    assertTrue(id.female());
    assertEquals(2020, id.birthYear());
    assertTrue(id.agreesWith(Optional.of(LocalDate.of(2020, 3, 15)), Optional.of(true)));
    assertFalse(id.agreesWith(Optional.of(LocalDate.of(1920, 3, 15)), Optional.of(true)));
    assertFalse(id.agreesWith(Optional.empty(), Optional.of(false)));
  }

  @Test
  void parse_manBornIn1985_isCenturyDigitZero() {
    PersonalId id = PersonalId.parse("001085012345").orElseThrow();

    assertFalse(id.female());
    assertEquals(1985, id.birthYear());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"003085012345", "099085012345", "00108501234", "0010850123456",
      "03832000123A", ""})
  void parse_impossibleNumber_givesNothing(String text) {
    assertTrue(PersonalId.parse(text).isEmpty(), text);
  }
}
