package sohoa.pipeline.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import sohoa.core.event.RecordEvent;

/** A record event as the JSON subscribers receive. */
final class EventJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  static byte[] bytes(RecordEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", event.type().key());
    body.put("id", event.subject());
    body.put("sha256", new TreeMap<>(event.hashes()));
    body.put("at", event.at().toString());
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("an event always serialises", e);
    }
  }
}
