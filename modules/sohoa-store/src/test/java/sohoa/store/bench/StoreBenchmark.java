package sohoa.store.bench;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import sohoa.core.document.ContentHash;
import sohoa.store.ObjectKey;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Location;
import sohoa.store.s3.S3Store;
import sohoa.testkit.s3.S3ProxyServer;

/**
 * Upload and download throughput of 100 documents through sohoa's S3 store, beside the MinIO
 * client putting and getting the same files plainly, against the same S3Proxy. After a warm-up
 * round, uploads then downloads take turns going first (medians of their rounds; downloads take a
 * fraction of a second a round, so they get more rounds). Run by {@code scripts/bench/store.sh}.
 *
 * <p>Prints {@code sohoa|minio upload|download MB/s}, one line each, then what bounds sohoa's
 * download from below, in ms: the MinIO client's mean {@code minio round}, the part of it
 * {@code minio waiting} for the server's answers before their first byte, and {@code sha256}, the
 * time to hash the same bytes in memory.
 */
public final class StoreBenchmark {
  private static final int DOCUMENTS = 100;
  private static final int UPLOAD_ROUNDS = 5;
  private static final int DOWNLOAD_ROUNDS = 21;

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
      long[] waited = new long[1];
      Work sohoaUpload = () -> {
        for (int i = 0; i < files.size(); i++) {
          sohoa.put(new ObjectKey("documents/" + i + "/pdfa.pdf"), files.get(i));
        }
      };
      Work minioUpload = () -> {
        for (int i = 0; i < files.size(); i++) {
          minio.uploadObject(UploadObjectArgs.builder().bucket("bench-minio")
              .object("documents/" + i + "/pdfa.pdf").filename(files.get(i).toString())
              .build());
        }
      };
      Work sohoaDownload = () -> {
        for (int i = 0; i < files.size(); i++) {
          try (InputStream in = sohoa.open(new ObjectKey("documents/" + i + "/pdfa.pdf"))) {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      };
      Work minioDownload = () -> {
        for (int i = 0; i < files.size(); i++) {
          long asked = System.nanoTime();
          try (InputStream in = minio.getObject(GetObjectArgs.builder()
              .bucket("bench-minio").object("documents/" + i + "/pdfa.pdf").build())) {
            waited[0] += System.nanoTime() - asked;
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      };
      // The peer that checks as sohoa does: the MinIO client's plain GET, hashed with SHA-256
      // as the bytes arrive.
      Work minioCheckedDownload = () -> {
        for (int i = 0; i < files.size(); i++) {
          try (InputStream in = new DigestInputStream(minio.getObject(GetObjectArgs.builder()
              .bucket("bench-minio").object("documents/" + i + "/pdfa.pdf").build()),
              MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      };
      // A warm-up round: the JIT, the server's caches.
      for (Work w : List.of(sohoaUpload, minioUpload, sohoaDownload, minioDownload,
          minioCheckedDownload)) {
        w.run();
      }
      double[][] uploads = inTurns(UPLOAD_ROUNDS, sohoaUpload, minioUpload);
      waited[0] = 0;
      double[][] downloads = inTurns(DOWNLOAD_ROUNDS, sohoaDownload, minioDownload,
          minioCheckedDownload);
      System.out.printf("sohoa upload %.1f%n", bytes / 1e6 / median(uploads[0]));
      System.out.printf("minio upload %.1f%n", bytes / 1e6 / median(uploads[1]));
      System.out.printf("sohoa download %.1f%n", bytes / 1e6 / median(downloads[0]));
      System.out.printf("minio download %.1f%n", bytes / 1e6 / median(downloads[1]));
      System.out.printf("minio+sha256 download %.1f%n", bytes / 1e6 / median(downloads[2]));
      System.out.printf("minio round %.1f%n", Arrays.stream(downloads[1]).average().orElseThrow()
          * 1e3);
      System.out.printf("minio waiting %.1f%n", waited[0] / 1e6 / DOWNLOAD_ROUNDS);
      System.out.printf("sha256 %.1f%n", hashing(files) * 1e3);
    }
  }

  /**
   * Seconds each of {@code works} took each round; they take turns going first (round r starts
   * with work r mod n), so none always meets a cold or a warm server.
   */
  private static double[][] inTurns(int rounds, Work... works) throws Exception {
    double[][] times = new double[works.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < works.length; k++) {
        int w = (round + k) % works.length;
        times[w][round] = time(works[w]);
      }
    }
    return times;
  }

  /** Median seconds to SHA-256 every file's bytes, already in memory: what checking costs. */
  private static double hashing(List<Path> files) throws Exception {
    double[] times = new double[UPLOAD_ROUNDS];
    for (int round = 0; round < times.length; round++) {
      long nanos = 0;
      for (Path f : files) {
        byte[] content = Files.readAllBytes(f);
        long start = System.nanoTime();
        ContentHash.of(content);
        nanos += System.nanoTime() - start;
      }
      times[round] = nanos / 1e9;
    }
    return median(times);
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
