package sohoa.pipeline.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.JobItem;
import sohoa.catalog.JobRecord;
import sohoa.catalog.SearchQuery;
import sohoa.core.document.ContentHash;
import sohoa.extract.file.TestMetadataReader;
import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.OutputFormat;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.mq.RabbitBroker;
import sohoa.testkit.ocr.ScriptedEngine;

class QueueWorkerTest {
  private static final DigitizeOptions OPTIONS = new DigitizeOptions(2, OcrConfig.vietnamese(),
      InputLimits.DEFAULT, EnumSet.of(OutputFormat.PDFA, OutputFormat.TXT), DigitizeOptions.DEFAULT_REVIEW_BELOW,
      false);
  private static final WorkerSettings SETTINGS = new WorkerSettings(2, 1, Duration.ofMillis(100));
  private static Fixtures.Rendered notice;
  @TempDir Path dir;
  private RabbitBroker rabbit;
  private Broker broker;

  @BeforeAll
  static void render() {
    notice = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
  }

  @BeforeEach
  void connect() throws Exception {
    rabbit = RabbitBroker.create();
    broker = Broker.connect(BrokerAddress.parse(rabbit.address(), RabbitBroker.PASSWORD,
        rabbit.names()), Clock.systemUTC());
  }

  @AfterEach
  void disconnect() throws Exception {
    broker.close();
    rabbit.close();
  }

  @Test
  void worker_digitisesEachInputOnce_deadLettersTheBadOnesWithReasons_andAnnouncesTheRest()
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    ScanFiles.png(notice.pages().get(0), 200, in.resolve("thong-bao.png"));
    ScanFiles.jpeg(notice.pages().get(0), 200, 0.9f, in.resolve("thong-bao.jpg"));
    Files.copy(in.resolve("thong-bao.png"), in.resolve("ban-trung.png"));
    BadFiles.zeroBytes(in.resolve("rong.tif"));
    BadFiles.truncated(in.resolve("thong-bao.jpg"), in.resolve("cat-ngang.jpg"), 0.5);
    String events = rabbit.listen(broker.topology().events(), "document.*");

    try (Digitiser digitiser = digitiser()) {
      List<DocumentTask> tasks = new Enqueuer(digitiser.store(), digitiser.catalog(), broker,
          Clock.systemUTC()).enqueue("ho-so-thang-10", List.of("thong-bao.png", "thong-bao.jpg",
              "ban-trung.png", "rong.tif", "cat-ngang.jpg").stream()
          .map(name -> new Enqueuer.Input(in.resolve(name), "in/" + name)).toList());
      assertEquals(5, tasks.size());
      assertEquals(5, digitiser.catalog().jobs().find("ho-so-thang-10").orElseThrow().pending());

      List<String> heard = new CopyOnWriteArrayList<>();
      PipelineListener listener = new PipelineListener() {
        @Override
        public void documentFinished(DocumentOutcome outcome) {
          heard.add(outcome.source().toString());
        }
      };
      try (Worker worker = Worker.start(digitiser, broker, broker.events(), SETTINGS, listener)) {
        worker.awaitIdle(Duration.ofSeconds(1));
      }

      assertEquals(Set.of("in/thong-bao.png", "in/thong-bao.jpg", "in/ban-trung.png",
          "in/rong.tif", "in/cat-ngang.jpg"), Set.copyOf(heard), "reported by their names");
      JobRecord job = digitiser.catalog().jobs().find("ho-so-thang-10").orElseThrow();
      assertEquals(List.of(5, 2, 1, 2, 0), List.of(job.inputs(), job.done(), job.reused(),
          job.failed(), job.pending()));
      assertTrue(job.complete());
      assertEquals(2, digitiser.catalog().documents().count());
      Map<String, JobItem> items = digitiser.catalog().jobs().items("ho-so-thang-10").stream()
          .collect(Collectors.toMap(JobItem::sourcePath, i -> i));
      assertEquals(items.get("in/thong-bao.png").documentId(),
          items.get("in/ban-trung.png").documentId());
      assertEquals("empty-input", items.get("in/rong.tif").errorCode().orElseThrow());
      assertEquals("truncated-input", items.get("in/cat-ngang.jpg").errorCode().orElseThrow());

      Map<String, Map<String, String>> dead = new TreeMap<>();
      for (RabbitBroker.Message message : rabbit.take(broker.topology().deadDocuments())) {
        dead.put(new ObjectMapper().readTree(message.body()).get("name").asText(),
            message.headers());
      }
      assertEquals(Set.of("in/rong.tif", "in/cat-ngang.jpg"), dead.keySet());
      assertEquals("empty-input", dead.get("in/rong.tif").get("x-sohoa-error"));
      assertTrue(dead.get("in/cat-ngang.jpg").get("x-sohoa-reason").contains("cut short")
          || dead.get("in/cat-ngang.jpg").get("x-sohoa-reason").contains("truncated"),
          dead.get("in/cat-ngang.jpg").toString());
      assertTrue(digitiser.store().exists(tasks.get(3).originalKey()), "bad inputs are kept");

      List<RabbitBroker.Message> announced = rabbit.take(events);
      assertEquals(List.of("document.digitised", "document.digitised"),
          announced.stream().map(RabbitBroker.Message::type).toList());
      Set<String> ids = announced.stream().map(m -> json(m.body()).get("id").asText())
          .collect(Collectors.toSet());
      assertEquals(Set.of(items.get("in/thong-bao.png").documentId().orElseThrow().value(),
          items.get("in/thong-bao.jpg").documentId().orElseThrow().value()), ids);
      JsonNode first = json(announced.get(0).body());
      assertEquals(64, first.at("/sha256/pdfa").asText().length());
    }
    assertEquals(List.of(0L, 0L), List.of(rabbit.leftOver(broker.topology().documents()),
        rabbit.leftOver(broker.topology().deadDocuments())),
        "nothing is left ready or unacknowledged");
  }

  @Test
  void worker_taskDeliveredAgain_findsTheFinishedDocument_andAnnouncesItAgain() throws Exception {
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(notice.pages().get(0), 200, scan);
    String events = rabbit.listen(broker.topology().events(), "#");
    try (Digitiser digitiser = digitiser()) {
      DocumentTask task = new Enqueuer(digitiser.store(), digitiser.catalog(), broker,
          Clock.systemUTC())
          .enqueue("lan-1", List.of(new Enqueuer.Input(scan, "thong-bao.png"))).get(0);
      try (Worker worker = Worker.start(digitiser, broker, broker.events(), SETTINGS,
          PipelineListener.NONE)) {
        worker.awaitIdle(Duration.ofSeconds(1));
      }

      // As the broker hands it out again when a worker died between cataloguing and its ack.
      TaskRunner.Verdict again = new TaskRunner(digitiser, broker.events(), PipelineListener.NONE,
          SETTINGS).run(task, true);

      assertTrue(again instanceof TaskRunner.Verdict.Done done
          && done.outcome() instanceof sohoa.pipeline.DocumentOutcome.Reused, again.toString());
      assertEquals(1, digitiser.catalog().documents().count());
      JobRecord job = digitiser.catalog().jobs().find("lan-1").orElseThrow();
      assertEquals(List.of(1, 0, 1), List.of(job.inputs(), job.pending(), job.done()
          + job.reused()));
      List<RabbitBroker.Message> announced = rabbit.take(events);
      assertEquals(2, announced.size(), "announced when made and when redelivered");
      assertEquals(announced.get(0).id(), announced.get(1).id(),
          "the same event, so a subscriber keeps one");
      assertEquals("document.digitised:" + digitiser.catalog().search()
          .hits(SearchQuery.text("thong bao")).get(0).id().value(), announced.get(0).id());
      assertEquals(ContentHash.of(scan), task.original());
    }
  }

  @Test
  void worker_messageThatIsNotATask_goesToTheDeadLettersWithTheReason() throws Exception {
    try (Digitiser digitiser = digitiser()) {
      rabbit.publishRaw(broker.topology().tasks(), "documents", "{\"task\": 42}");
      try (Worker worker = Worker.start(digitiser, broker, broker.events(), SETTINGS,
          PipelineListener.NONE)) {
        worker.awaitIdle(Duration.ofSeconds(1));
      }
      List<RabbitBroker.Message> dead = rabbit.take(broker.topology().deadDocuments());
      assertEquals(1, dead.size());
      assertEquals("not-a-task", dead.get(0).headers().get("x-sohoa-error"));
      assertEquals("the task has no 'task'", dead.get(0).headers().get("x-sohoa-reason"));
    }
  }

  /** The notice read as printed: these tests are about the queue, not about reading. */
  private Digitiser digitiser() throws Exception {
    Workspace workspace = Workspace.create(dir.resolve("data"));
    return Digitiser.embedded(workspace, OPTIONS,
        TestMetadataReader.shared(), ScriptedEngine.reading(notice), Clock.systemUTC());
  }

  private static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
