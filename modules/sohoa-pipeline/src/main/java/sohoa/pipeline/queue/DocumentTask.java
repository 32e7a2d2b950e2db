package sohoa.pipeline.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import sohoa.core.document.ContentHash;
import sohoa.store.ObjectKey;

/**
 * One document to digitise, as a message on the queue: the original is already in the store,
 * under its content hash, so a task is small and any worker can fetch what it names.
 *
 * @param taskId unique per enqueued input; redeliveries of one task share it
 * @param jobId the job the input belongs to, for progress in the catalog
 * @param name the input as the officer named it (a path relative to what was enqueued); the
 *     job's record of the input and the document's source name
 * @param original the original's content hash; the object is {@code originals/<hash>}
 * @param size the original's size in bytes
 */
public record DocumentTask(String taskId, String jobId, String name, ContentHash original,
    long size) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public DocumentTask {
    if (taskId == null || taskId.isBlank() || jobId == null || jobId.isBlank()) {
      throw new IllegalArgumentException("a task needs its id and its job's");
    }
    if (name == null || name.isBlank() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a task needs the input's name");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a size cannot be negative");
    }
  }

  /** A new task for {@code original} in {@code jobId}. */
  public static DocumentTask create(String jobId, String name, ContentHash original, long size) {
    return new DocumentTask(UUID.randomUUID().toString(), jobId, name, original, size);
  }

  /** Where the original is in the store. */
  public ObjectKey originalKey() {
    return ObjectKey.original(original);
  }

  byte[] toJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", taskId);
    body.put("job", jobId);
    body.put("name", name);
    body.put("sha256", original.hex());
    body.put("size", size);
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("a task always serialises", e);
    }
  }

  /**
   * Reads a task message.
   *
   * @throws IllegalArgumentException when the message is not a task (it goes to the dead letters)
   */
  static DocumentTask fromJson(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the message is not a JSON object");
      }
      return new DocumentTask(text(node, "task"), text(node, "job"), text(node, "name"),
          new ContentHash(text(node, "sha256")), node.path("size").asLong(-1));
    } catch (IOException e) {
      throw new IllegalArgumentException("the message is not JSON: "
          + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("the task has no '" + field + "'");
    }
    return value.asText();
  }
}
