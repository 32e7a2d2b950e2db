package sohoa.testkit.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@code /metrics} page with Prometheus's own text-format parser (its Python client,
 * Debian's python3-prometheus-client, which scripts/test.sh installs): what a scrape would accept,
 * not what a test's regular expression happens to match.
 */
public final class PrometheusText {
  /** Debian's interpreter, where the Debian package installs the client. */
  private static final String PYTHON = "/usr/bin/python3";
  private static final String PARSE = String.join("\n",
      "import sys",
      "from prometheus_client.parser import text_string_to_metric_families",
      "for family in text_string_to_metric_families(sys.stdin.read()):",
      "    print(family.name + ' ' + family.type + ' ' + str(len(family.samples)))");

  private PrometheusText() {}

  /**
   * Each metric family on the page, by name (counters without {@code _total}), with its type;
   * an AssertionError with the parser's words when the page is not valid.
   */
  public static Map<String, String> families(String page) throws IOException,
      InterruptedException {
    Process parser = new ProcessBuilder(PYTHON, "-c", PARSE).redirectErrorStream(true).start();
    try (OutputStream in = parser.getOutputStream()) {
      in.write(page.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!parser.waitFor(60, TimeUnit.SECONDS) || parser.exitValue() != 0) {
      throw new AssertionError("Prometheus's parser refused the page: " + out);
    }
    Map<String, String> families = new TreeMap<>();
    out.lines().map(l -> l.split(" ")).forEach(f -> families.put(f[0], f[1]));
    return families;
  }
}
