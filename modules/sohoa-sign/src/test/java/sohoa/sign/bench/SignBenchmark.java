package sohoa.sign.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sohoa.sign.TestPki;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.testkit.fixtures.ScanFiles;

/**
 * Signatures per second, one thread, for each PAdES level on a 1-page and a 100-page scanned PDF,
 * with the officer's RSA-2048 key and the development PKI's TSA and OCSP service on loopback. Run
 * by {@code scripts/bench/sign.sh}, which sets it beside {@code openssl speed rsa2048}.
 *
 * <p>Prints one line per case: {@code level pages signatures/s}.
 */
public final class SignBenchmark {
  private static final double SECONDS = 2;
  private static final int WINDOWS = 5;

  private SignBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("sohoa-sign-bench");
    try (TestPki pki = TestPki.start(dir.resolve("pki"))) {
      PadesSigner signer = pki.signer("officer");
      for (int pages : new int[] {1, 100}) {
        byte[] pdf = document(dir, pages);
        for (SignatureLevel level : SignatureLevel.values()) {
          System.out.printf("%s %d %.1f%n", level.label(), pages, rate(signer, pdf, level));
        }
      }
    }
  }

  private static byte[] document(Path dir, int pages) throws Exception {
    List<BufferedImage> images = new ArrayList<>();
    for (int i = 0; i < pages; i++) {
      images.add(new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY));
    }
    Path file = dir.resolve(pages + "-pages.pdf");
    ScanFiles.scannedPdf(images, 100, file);
    return Files.readAllBytes(file);
  }

  /**
   * The median rate of {@link #WINDOWS} windows of {@link #SECONDS} seconds each, after as long
   * as two of them of warm-up (until the JIT has compiled iText's tokenizer and writer): one
   * window on this shared machine varied by a fifth.
   */
  private static double rate(PadesSigner signer, byte[] pdf, SignatureLevel level)
      throws Exception {
    SignatureRequest request = SignatureRequest.at(level);
    signFor(signer, pdf, request, 2 * SECONDS);
    double[] rates = new double[WINDOWS];
    for (int i = 0; i < WINDOWS; i++) {
      rates[i] = signFor(signer, pdf, request, SECONDS);
    }
    Arrays.sort(rates);
    return rates[WINDOWS / 2];
  }

  private static double signFor(PadesSigner signer, byte[] pdf, SignatureRequest request,
      double seconds) throws Exception {
    long start = System.nanoTime();
    int count = 0;
    while (System.nanoTime() - start < seconds * 1e9) {
      signer.sign(new ByteArrayInputStream(pdf), OutputStream.nullOutputStream(), request);
      count++;
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
