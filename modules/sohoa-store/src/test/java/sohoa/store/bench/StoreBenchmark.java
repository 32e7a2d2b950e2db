package sohoa.store.bench;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import sohoa.store.ObjectKey;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Location;
import sohoa.store.s3.S3Store;
import sohoa.testkit.s3.S3ProxyServer;

/**
 * Upload and download throughput of 100 documents through sohoa's S3 store, beside the MinIO
 * client putting and getting the same files plainly, against the same S3Proxy, after a warm-up
 * round, in turns (five rounds each, medians). Run by {@code scripts/bench/store.sh}.
 *
 * <p>Prints {@code sohoa|minio upload|download MB/s}, one line each.
 */
public final class StoreBenchmark {
  private static final int DOCUMENTS = 100;
  private static final int ROUNDS = 5;

  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("sohoa-store-bench");
    List<Path> files = documents(dir.resolve("documents"));
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    try (S3ProxyServer server = S3ProxyServer.start(dir.resolve("s3"))) {
      S3Store sohoa = S3Store.open(S3Location.parse("s3://bench-sohoa?endpoint="
          + server.endpoint()), new S3Credentials(S3ProxyServer.ACCESS_KEY,
          S3ProxyServer.SECRET_KEY), Backoff.DEFAULT);
      MinioClient minio = MinioClient.builder().endpoint(server.endpoint().toString())
          .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build();
      // Same bucket kind for the peer: created through sohoa, used plainly.
      S3Store.open(S3Location.parse("s3://bench-minio?endpoint=" + server.endpoint()),
          new S3Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY),
          Backoff.DEFAULT);
      List<Work> work = List.of(
          () -> {
            for (int i = 0; i < files.size(); i++) {
              sohoa.put(new ObjectKey("documents/" + i + "/pdfa.pdf"), files.get(i));
            }
          },
          () -> {
            for (int i = 0; i < files.size(); i++) {
              minio.uploadObject(UploadObjectArgs.builder().bucket("bench-minio")
                  .object("documents/" + i + "/pdfa.pdf").filename(files.get(i).toString())
                  .build());
            }
          },
          () -> {
            for (int i = 0; i < files.size(); i++) {
              try (InputStream in = sohoa.open(new ObjectKey("documents/" + i + "/pdfa.pdf"))) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            }
          },
          () -> {
            for (int i = 0; i < files.size(); i++) {
              try (InputStream in = minio.getObject(GetObjectArgs.builder()
                  .bucket("bench-minio").object("documents/" + i + "/pdfa.pdf").build())) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            }
          });
      // A warm-up round (JIT, the server's caches), then rounds in which sohoa and the peer
      // take turns going first.
      for (Work w : work) {
        w.run();
      }
      double[][] times = new double[4][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        int first = round % 2;
        for (int pair = 0; pair < 4; pair += 2) {
          times[pair + first][round] = time(work.get(pair + first));
          times[pair + 1 - first][round] = time(work.get(pair + 1 - first));
        }
      }
      String[] names = {"sohoa upload", "minio upload", "sohoa download", "minio download"};
      for (int k = 0; k < 4; k++) {
        System.out.printf("%s %.1f%n", names[k], bytes / 1e6 / median(times[k]));
      }
    }
  }

  /** 100 files of 200 KB to 2 MB, the sizes of scanned documents' PDF/As. */
  private static List<Path> documents(Path dir) throws Exception {
    Files.createDirectories(dir);
    Random random = new Random(7);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < DOCUMENTS; i++) {
      byte[] bytes = new byte[200_000 + random.nextInt(1_800_000)];
      random.nextBytes(bytes);
      files.add(Files.write(dir.resolve(i + ".pdf"), bytes));
    }
    return files;
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double time(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
