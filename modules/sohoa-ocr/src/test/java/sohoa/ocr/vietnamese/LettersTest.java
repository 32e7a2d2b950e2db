package sohoa.ocr.vietnamese;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LettersTest {
  @Test
  void theEthTesseractGivesForĐ_isĐ() {
    assertEquals("CĐS", Letters.vietnamese("CÐS"));
    assertEquals("đẩy", Letters.vietnamese("ðẩy"));
  }

  @Test
  void oneĐReadAsĐAndEth_isOneĐ() {
    assertEquals("(CĐS),", Letters.vietnamese("(CĐÐS),"));
    assertEquals("06/QĐ-TTg", Letters.vietnamese("06/QÐĐ-TTg"));
  }

  @Test
  void theFractionAndDivisionSlashesTesseractGivesForTheSolidus_areTheSolidus() {
    assertEquals("31/3,", Letters.vietnamese("31\u20443,"));
    assertEquals("730/QĐ-PNV", Letters.vietnamese("730\u2215QÐ-PNV"));
  }

  @Test
  void wordsWithoutTheEth_areLeftAlone() {
    assertEquals("ĐỊNH", Letters.vietnamese("ĐỊNH"));
    assertEquals("đđ", Letters.vietnamese("đđ"));
  }
}
