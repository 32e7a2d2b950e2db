package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import sohoa.catalog.Catalog;
import sohoa.catalog.JobItem;
import sohoa.catalog.JobRecord;
import sohoa.core.document.ContentHash;
import sohoa.testkit.db.PostgresDatabase;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.mq.RabbitBroker;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.s3.S3ProxyServer;

/**
 * Scale-out end to end, as separate machines would run it: inputs enqueued into a shared
 * deployment (S3Proxy over HTTP, PostgreSQL, the machine's RabbitMQ), worker processes that are
 * killed and restarted, a broker that restarts; every document comes out exactly once.
 */
@Order(Lanes.LONGEST)
@ResourceLock(value = Locks.RABBITMQ, mode = ResourceAccessMode.READ_WRITE)
class ScaleOutIT {
  /** A PDF with its own text: stored without OCR. */
  private static final Path BORN_DIGITAL =
      SohoaProcess.ROOT.resolve("samples/scans/05-bao-cao-so-hoa.pdf");

  @TempDir Path dir;
  private S3ProxyServer s3;
  private PostgresDatabase database;
  private RabbitBroker rabbit;
  private final List<SohoaProcess.Running> workers = new ArrayList<>();
  private Map<String, String> environment;
  private List<String> shared;

  @BeforeEach
  void deployment() throws Exception {
    s3 = S3ProxyServer.start(dir.resolve("s3"));
    database = PostgresDatabase.create();
    rabbit = RabbitBroker.create();
    environment = Map.of("SOHOA_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY,
        "SOHOA_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY, "SOHOA_BROKER", rabbit.address());
    shared = List.of("--store", "s3://so-hoa-tinh?endpoint=" + s3.endpoint(), "--catalog",
        database.url(), "--queues", rabbit.names());
  }

  @AfterEach
  void teardown() throws Exception {
    for (SohoaProcess.Running worker : workers) {
      worker.kill();
    }
    rabbit.close();
    database.close();
    s3.close();
  }

  @Test
  void workers_oneKilledMidDocument_everyDocumentDoneExactlyOnce_badInputsDeadLettered()
      throws Exception {
    List<Path> inputs = inputs();
    String events = rabbit.listen(rabbit.names() + ".events", "#");
    enqueue("chien-dich", inputs);

    // One worker takes the long record; while it reads it, the machine "loses power".
    SohoaProcess.Running first = worker("may-1");
    awaitClaimed(ContentHash.of(inputs.get(0)), first);
    first.kill();
    assertTrue(!first.errSoFar().contains("done    "), "killed before it finished a document: "
        + first.errSoFar());
    workers.remove(first);
    worker("may-2");
    worker("may-3");
    worker("may-1");

    JobRecord job = awaitComplete("chien-dich", Duration.ofMinutes(6));
    for (SohoaProcess.Running worker : List.copyOf(workers)) {
      assertEquals(143, worker.terminate(), "stopped by SIGTERM: " + worker.errSoFar());
      assertTrue(worker.errSoFar().contains("worker stopped"), worker.errSoFar());
      workers.remove(worker);
    }

    assertEquals(List.of(9, 6, 1, 2, 0), List.of(job.inputs(), job.done(), job.reused(),
        job.failed(), job.pending()));
    Set<String> documents;
    try (Catalog catalog = Catalog.open(database.url())) {
      assertEquals(6, catalog.documents().count(), "each document catalogued once");
      Map<String, JobItem> items = catalog.jobs().items("chien-dich").stream()
          .collect(Collectors.toMap(i -> Path.of(i.sourcePath()).getFileName().toString(),
              i -> i));
      assertEquals(items.get("01-quyet-dinh-ubnd-xa.tif").documentId(),
          items.get("ban-sao-01.tif").documentId());
      assertEquals("empty-input", items.get("rong.tif").errorCode().orElseThrow());
      assertEquals("truncated-input", items.get("cat-ngang.jpg").errorCode().orElseThrow());
      documents = items.values().stream().flatMap(i -> i.documentId().stream())
          .map(id -> id.value()).collect(Collectors.toSet());
    }
    Path bucket = s3.bucketFolder("so-hoa-tinh");
    try (var pdfas = Files.walk(bucket)) {
      assertEquals(6, pdfas.filter(p -> p.getFileName().toString().equals("pdfa.pdf")).count(),
          "one PDF/A per document in the store");
    }

    Set<String> dead = new TreeSet<>();
    Map<String, String> reasons = new HashMap<>();
    for (RabbitBroker.Message message : rabbit.take(rabbit.names() + ".documents.dead")) {
      String name = Path.of(new ObjectMapper().readTree(message.body()).get("name").asText())
          .getFileName().toString();
      dead.add(name);
      reasons.put(name, message.headers().get("x-sohoa-error"));
    }
    assertEquals(Set.of("cat-ngang.jpg", "rong.tif"), dead);
    assertEquals(Map.of("cat-ngang.jpg", "truncated-input", "rong.tif", "empty-input"), reasons);
    assertEquals(List.of(0L, 0L), List.of(leftOver(".documents"), leftOver(".documents.dead")),
        "nothing left ready or unacknowledged");

    SohoaProcess.Result shown = SohoaCli.run("jobs", "show", "chien-dich", "--json",
        "--catalog", database.url());
    assertEquals(1, shown.exitCode(), "complete, some failed: " + shown.err());
    assertTrue(shown.out().contains("\"pending\" : 0"), shown.out());

    // A counter certifies one of them; every system subscribed hears of it.
    String copyId = certify(documents.iterator().next());
    Map<String, Set<String>> heard = new HashMap<>();
    for (RabbitBroker.Message message : rabbit.take(events)) {
      heard.computeIfAbsent(message.type(), k -> new TreeSet<>())
          .add(new ObjectMapper().readTree(message.body()).get("id").asText());
    }
    assertEquals(Map.of("document.digitised", new TreeSet<>(documents), "copy.issued",
        Set.of(copyId)), heard);
  }

  @Test
  void workers_brokerRestartsDuringAJob_theJobStillCompletes() throws Exception {
    // The scans arrive in a bucket the scanners upload to, and are enqueued from there.
    Path inbox = Files.createDirectories(s3.bucketFolder("hop-thu").resolve("inbox"));
    for (Path input : inputs().subList(0, 4)) {
      Files.copy(input, inbox.resolve(input.getFileName()));
    }
    SohoaProcess.Result enqueued = SohoaCli.run(environment, with("enqueue",
        "--prefix", "s3://hop-thu/inbox?endpoint=" + s3.endpoint(), "--job", "khoi-dong-lai",
        "--data", dir.resolve("counter").toString()));
    assertEquals(0, enqueued.exitCode(), enqueued.err());
    assertTrue(enqueued.out().contains("enqueued 4 inputs into job khoi-dong-lai"),
        enqueued.out());
    try (var left = Files.list(inbox)) {
      assertEquals(List.of("done"), left.map(p -> p.getFileName().toString()).toList());
    }
    worker("may-1");
    awaitTaken(4);

    RabbitBroker.restart();

    JobRecord job = awaitComplete("khoi-dong-lai", Duration.ofMinutes(5));
    assertEquals(List.of(4, 0), List.of(job.inputs(), job.pending()));
    assertEquals(4, job.done() + job.reused() + job.failed());
    try (Catalog catalog = Catalog.open(database.url())) {
      assertEquals(4, catalog.documents().count());
    }
    for (SohoaProcess.Running worker : List.copyOf(workers)) {
      worker.terminate();
      workers.remove(worker);
    }
    assertEquals(0L, leftOver(".documents"), "nothing left ready or unacknowledged");
  }

  /** Issues a certified copy of {@code document} with the development PKI; its copy id. */
  private String certify(String document) throws Exception {
    Path counter = dir.resolve("quay");
    int port = FreePorts.next();
    assertEquals(0, SohoaCli.run("pki", "init", counter.resolve("pki").toString(),
        "--port", String.valueOf(port)).exitCode());
    SohoaProcess.Result issued = SohoaCli.run(environment, with("certify", document,
        "-o", dir.resolve("ban-sao.pdf").toString(), "--data", counter.toString(),
        "--base-url", "https://chungthuc.test"));
    assertEquals(0, issued.exitCode(), issued.err());
    Matcher id = Pattern.compile("issued certified copy ([0-9a-f]{32})").matcher(issued.out());
    assertTrue(id.find(), issued.out());
    return id.group(1);
  }

  /** What is left in this test's queue {@code suffix} once the workers are gone. */
  private long leftOver(String suffix) throws Exception {
    return rabbit.leftOver(rabbit.names() + suffix);
  }

  @Test
  void workers_storeGoneForAWhile_carryOnOnceItIsBack_andLoseNothing() throws Exception {
    enqueue("mat-ket-noi", inputs().subList(1, 4));
    s3.kill();
    SohoaProcess.Running worker = worker("may-1");
    Thread.sleep(5000);
    s3.restart();

    JobRecord job = awaitComplete("mat-ket-noi", Duration.ofMinutes(3));

    assertEquals(List.of(3, 3, 0, 0), List.of(job.inputs(), job.done(), job.failed(),
        job.pending()), worker.errSoFar());
    try (Catalog catalog = Catalog.open(database.url())) {
      assertEquals(3, catalog.documents().count());
    }
    assertEquals(0, rabbit.ready(rabbit.names() + ".documents.dead"), worker.errSoFar());
  }

  /**
   * A long record first (four pages, read one at a time: about six seconds of a worker's reading,
   * so that it is surely in the middle of it a moment after taking it, and while the broker
   * restarts), five short scans in the formats offices send (a band of the same page each, a
   * fraction of a second's reading: what is tested here is who reads what, not how well), one
   * again under another name, one empty and one cut short.
   */
  private List<Path> inputs() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> inputs = new ArrayList<>();
    BufferedImage page = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0);
    inputs.add(in.resolve("00-ho-so-dai.tif"));
    ScanFiles.tiff(Collections.nCopies(4, page), 200, inputs.get(0));
    List<BufferedImage> bands = new ArrayList<>();
    int height = page.getHeight() / 5;
    for (int band = 0; band < 5; band++) {
      bands.add(ScanRenderer.copy(page.getSubimage(0, band * height, page.getWidth(), height)));
    }
    inputs.add(in.resolve("01-quyet-dinh-ubnd-xa.tif"));
    ScanFiles.tiff(List.of(bands.get(0)), 200, inputs.get(1));
    inputs.add(in.resolve("02-giay-chung-nhan.jpg"));
    ScanFiles.jpeg(bands.get(1), 200, 0.9f, inputs.get(2));
    inputs.add(in.resolve("03-cong-van-hai-trang.pdf"));
    ScanFiles.scannedPdf(bands.subList(2, 4), 200, inputs.get(3));
    inputs.add(in.resolve("04-thong-bao.png"));
    ScanFiles.png(bands.get(4), 200, inputs.get(4));
    inputs.add(Files.copy(BORN_DIGITAL, in.resolve(BORN_DIGITAL.getFileName())));
    inputs.add(Files.copy(inputs.get(1), in.resolve("ban-sao-01.tif")));
    inputs.add(BadFiles.zeroBytes(in.resolve("rong.tif")));
    inputs.add(BadFiles.truncated(inputs.get(2), in.resolve("cat-ngang.jpg"), 0.4));
    return inputs;
  }

  private void enqueue(String job, List<Path> inputs) throws Exception {
    List<String> args = new ArrayList<>(List.of("enqueue", "--job", job, "--data",
        dir.resolve("counter").toString()));
    inputs.forEach(p -> args.add(p.toString()));
    SohoaProcess.Result enqueued = SohoaCli.run(environment, with(args));
    assertEquals(0, enqueued.exitCode(), enqueued.err());
    assertTrue(enqueued.out().contains("enqueued " + inputs.size() + " inputs into job " + job),
        enqueued.out());
  }

  private SohoaProcess.Running worker(String machine) throws Exception {
    SohoaProcess.Running worker = SohoaProcess.start(dir, environment, with("worker",
        "--data", dir.resolve(machine).toString(), "--concurrency", "1", "--workers", "1",
        "--retries", "1"));
    workers.add(worker);
    return worker;
  }

  private String[] with(String... args) {
    return with(List.of(args));
  }

  private String[] with(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(shared);
    return all.toArray(String[]::new);
  }

  /** Waits until a worker holds one of the {@code enqueued} tasks: fewer are left ready. */
  private void awaitTaken(long enqueued) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(120);
    while (rabbit.ready(rabbit.names() + ".documents") >= enqueued) {
      assertTrue(Instant.now().isBefore(giveUp), "no worker took a task: "
          + workers.get(0).errSoFar());
      Thread.sleep(200);
    }
  }

  /** Waits until {@code worker} has claimed {@code original}: it is digitising it now. */
  private void awaitClaimed(ContentHash original, SohoaProcess.Running worker) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(120);
    try (Catalog catalog = Catalog.open(database.url())) {
      while (catalog.claims().of(original).isEmpty()) {
        assertTrue(Instant.now().isBefore(giveUp), "no worker took the task: "
            + worker.errSoFar());
        Thread.sleep(50);
      }
    }
  }

  private JobRecord awaitComplete(String name, Duration within) throws Exception {
    Instant giveUp = Instant.now().plus(within);
    try (Catalog catalog = Catalog.open(database.url())) {
      while (true) {
        JobRecord job = catalog.jobs().find(name).orElseThrow();
        if (job.complete()) {
          return job;
        }
        if (Instant.now().isAfter(giveUp)) {
          StringBuilder logs = new StringBuilder();
          for (SohoaProcess.Running worker : workers) {
            logs.append(worker.errSoFar()).append("\n----\n");
          }
          throw new AssertionError("job " + name + " not complete: " + job + "\n" + logs);
        }
        Thread.sleep(500);
      }
    }
  }
}
