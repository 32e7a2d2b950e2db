package sohoa.pipeline.queue;

/**
 * The exchanges and queues of one deployment, all named from one prefix.
 *
 * <ul>
 *   <li>{@code P.tasks} (direct) routes document tasks to the quorum queue {@code P.documents};
 *   <li>{@code P.dead} (fanout) collects what could not be done, in {@code P.documents.dead},
 *       with the reason in the message headers; the broker also dead-letters there a task
 *       delivered {@link #DELIVERY_LIMIT} times, such as one that kills every worker it reaches;
 *   <li>{@code P.events} (topic) carries record events, {@code document.digitised} and so on.
 * </ul>
 */
record Topology(String prefix) {
  /** Deliveries of one task before the broker gives up on it: a crash loop, not a bad day. */
  static final int DELIVERY_LIMIT = 5;
  static final String DOCUMENTS_KEY = "documents";

  String tasks() {
    return prefix + ".tasks";
  }

  String documents() {
    return prefix + ".documents";
  }

  String dead() {
    return prefix + ".dead";
  }

  String deadDocuments() {
    return prefix + ".documents.dead";
  }

  String events() {
    return prefix + ".events";
  }
}
