package sohoa.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {
  /** An address for which the encoder's own mask choice is one ZXing does not find. */
  private static final String UNLUCKY = "https://chungthuc.test/verify/"
      + "078cbf50fe08fee034ce4306622e39d5?sha256="
      + "2a7cdad63da06ec1b5fad3af23fa6c2a7cdad63da06ec1b5fad3af23fa6c1234";

  @Test
  void legibleFor_movesToTheNextVersionWhenTheEncodersChoiceDoesNotReadBack() throws Exception {
    BarcodeQRCode plain = new BarcodeQRCode(UNLUCKY,
        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
    assertFalse(VerificationCode.readsBackAs(plain, UNLUCKY), "the case this guards against");

    BarcodeQRCode chosen = VerificationCode.legibleFor(UNLUCKY);

    assertTrue(VerificationCode.readsBackAs(chosen, UNLUCKY));
    assertEquals(plain.getBarcodeSize().getWidth() + 4, chosen.getBarcodeSize().getWidth());
  }

  @Test
  void legibleFor_keepsTheSmallestVersionWhenItReads() throws Exception {
    String url = "https://chungthuc.test/verify/0105f164b6aadabbaa19d2914af4f487?sha256=00";
    BarcodeQRCode plain = new BarcodeQRCode(url,
        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
    assertTrue(VerificationCode.readsBackAs(plain, url));

    assertEquals(plain.getBarcodeSize().getWidth(),
        VerificationCode.legibleFor(url).getBarcodeSize().getWidth());
  }

  @Test
  void readsBackAs_isFalseForAnotherAddress() throws Exception {
    String url = "https://chungthuc.test/verify/0105f164b6aadabbaa19d2914af4f487?sha256=00";
    assertFalse(VerificationCode.readsBackAs(VerificationCode.legibleFor(url), url + "1"));
  }
}
