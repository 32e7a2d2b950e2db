package sohoa.server;

import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code /metrics} in the Prometheus text format: requests and their latencies by route and
 * status, errors, pages digitised through the API and signatures made for certified copies. Its
 * own registry: nothing global.
 */
final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests = Counter.builder().name("sohoa_http_requests_total")
      .help("HTTP requests answered").labelNames("method", "route", "status")
      .register(registry);
  private final Histogram latency = Histogram.builder().name("sohoa_http_request_seconds")
      .help("time to answer a request").labelNames("route")
      .classicUpperBounds(0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
      .register(registry);
  private final Counter errors = Counter.builder().name("sohoa_http_errors_total")
      .help("requests answered with a 5xx status").labelNames("route").register(registry);
  private final Counter pages = Counter.builder().name("sohoa_pages_ocr_total")
      .help("pages digitised from scans posted to the API").register(registry);
  private final Counter signatures = Counter.builder().name("sohoa_signatures_total")
      .help("PAdES signatures made for certified copies issued through the API")
      .register(registry);

  /** After every request. */
  void record(Context ctx, double seconds) {
    String route = ctx.endpointHandlerPath().isEmpty() ? "unmatched" : ctx.endpointHandlerPath();
    int status = ctx.statusCode();
    requests.labelValues(ctx.method().name(), route, String.valueOf(status)).inc();
    latency.labelValues(route).observe(seconds);
    if (status >= 500) {
      errors.labelValues(route).inc();
    }
  }

  void pagesDigitised(long count) {
    pages.inc(count);
  }

  void signed(int count) {
    signatures.inc(count);
  }

  void serve(Context ctx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
  }
}
