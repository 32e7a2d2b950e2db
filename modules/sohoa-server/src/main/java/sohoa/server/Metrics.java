package sohoa.server;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sohoa.catalog.Catalog;
import sohoa.catalog.JobRecord;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DocumentOutcome;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * {@code /metrics} in the Prometheus text format, through Micrometer's Prometheus registry (its
 * own, nothing global): requests and their latencies by route and status, errors, jobs by state,
 * uploads waiting, how long the catalog and the store take to answer, pages and seconds of OCR,
 * signatures made, and the JVM (memory, GC, threads, classes, CPU, uptime).
 */
final class Metrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
  /** An object no document has: the store's answer to it is timed, whatever it holds. */
  private static final ObjectKey PROBE = new ObjectKey("metrics/probe");
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
      Duration.ofSeconds(10)};

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Catalog catalog;
  private final ObjectStore store;
  private final Counter pages;
  private final Counter ocrSeconds;
  private final Counter signatures;
  /** Figures read from the catalog and the store once per scrape, for the gauges to show. */
  private volatile Map<JobRecord.State, Integer> jobs = Map.of();
  private volatile double catalogSeconds = Double.NaN;
  private volatile double storeSeconds = Double.NaN;

  Metrics(Catalog catalog, ObjectStore store) {
    this.catalog = catalog;
    this.store = store;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    pages = Counter.builder("sohoa.pages.ocr").description("pages digitised from scans posted"
        + " to this server (API and console)").register(registry);
    ocrSeconds = Counter.builder("sohoa.ocr").baseUnit("seconds").description("time spent"
        + " digitising the scans posted to this server").register(registry);
    signatures = Counter.builder("sohoa.signatures").description("PAdES signatures made for"
        + " certified copies issued through the API").register(registry);
    for (JobRecord.State state : JobRecord.State.values()) {
      Gauge.builder("sohoa.jobs", this, m -> m.jobs.getOrDefault(state, 0))
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .description("jobs in the catalog by state (every intake's, not only this server's)")
          .register(registry);
    }
    Gauge.builder("sohoa.catalog.probe", () -> catalogSeconds).baseUnit("seconds")
        .description("time the catalog took to count the jobs by state, at this scrape")
        .register(registry);
    Gauge.builder("sohoa.store.probe", () -> storeSeconds).baseUnit("seconds")
        .description("time the store took to answer whether an object exists, at this scrape")
        .register(registry);
  }

  /** The uploads accepted and not yet digitised, read at each scrape. */
  void uploadsWaiting(IntSupplier waiting) {
    Gauge.builder("sohoa.uploads.waiting", waiting::getAsInt)
        .description("scans uploaded and not yet digitised").register(registry);
  }

  /** After every request. */
  void record(Context ctx, double seconds) {
    String route = ctx.endpointHandlerPath().isEmpty() ? "unmatched" : ctx.endpointHandlerPath();
    int status = ctx.statusCode();
    Counter.builder("sohoa.http.requests").description("HTTP requests answered")
        .tags("method", ctx.method().name(), "route", route, "status", String.valueOf(status))
        .register(registry).increment();
    Timer.builder("sohoa.http.request").description("time to answer a request")
        .tag("route", route).serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
        .record(Duration.ofNanos((long) (seconds * 1e9)));
    if (status >= 500) {
      Counter.builder("sohoa.http.errors").description("requests answered with a 5xx status")
          .tag("route", route).register(registry).increment();
    }
  }

  /** A job of uploads has ended. */
  void digitised(BatchSummary summary) {
    pages.increment(summary.pages());
    ocrSeconds.increment(summary.outcomes().stream().mapToLong(o ->
        o instanceof DocumentOutcome.Digitised d ? d.millis() : 0).sum() / 1000.0);
  }

  void signed(int count) {
    signatures.increment(count);
  }

  void serve(Context ctx) {
    refresh();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  /**
   * Reads the catalog's and the store's figures once for this scrape; one that fails shows as
   * NaN, and the rest of the page is served (a dashboard that cannot load is no help then).
   */
  private void refresh() {
    long started = System.nanoTime();
    try {
      jobs = catalog.jobs().states();
      catalogSeconds = (System.nanoTime() - started) / 1e9;
    } catch (StorageFailure e) {
      LOG.warn("metrics: the catalog did not answer: {}", e.getMessage());
      catalogSeconds = Double.NaN;
    }
    started = System.nanoTime();
    try {
      store.exists(PROBE);
      storeSeconds = (System.nanoTime() - started) / 1e9;
    } catch (StorageFailure e) {
      LOG.warn("metrics: the store did not answer: {}", e.getMessage());
      storeSeconds = Double.NaN;
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
