package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;

/**
 * The jobs: each batch, upload, watched folder or queued campaign, and what became of each of its
 * inputs, recorded as it happens, so that a job cut off anywhere can be inspected and run again.
 */
public final class Jobs {
  private final DataSource source;

  Jobs(DataSource source) {
    this.source = source;
  }

  /** Starts the record of a job over {@code inputs} inputs. */
  public void start(String jobId, Instant startedAt, int inputs) throws StorageFailure {
    Sql.update(source, "start job " + jobId, "INSERT INTO jobs (id, started_at, inputs)"
        + " VALUES (?, ?, ?)", jobId, Timestamp.from(startedAt), inputs);
  }

  /**
   * Starts the record of a job fed by {@code enqueue} runs or a watched folder, unless it has
   * one: its inputs are those recorded as {@link JobItem.Status#QUEUED} (and then done), however
   * many runs add to it and however often one is repeated.
   */
  public void enlist(String jobId, Instant at) throws StorageFailure {
    if (find(jobId).isEmpty()) {
      try {
        start(jobId, at, 0);
      } catch (StorageFailure e) {
        if (find(jobId).isEmpty()) {
          throw e;
        }
        // Another enqueue started it a moment ago.
      }
    }
  }

  /**
   * Records what became of one input; recording it again (a task delivered twice, a batch run
   * again) replaces the earlier outcome, so the job's tallies count each input once.
   */
  public void record(String jobId, JobItem item) throws StorageFailure {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement(
              "DELETE FROM job_items WHERE job_id = ? AND source_path = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO job_items (job_id, "
              + "source_path, status, document_id, error_code, error_message, error_remedy) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        delete.setString(1, jobId);
        delete.setString(2, item.sourcePath());
        delete.executeUpdate();
        insert.setString(1, jobId);
        insert.setString(2, item.sourcePath());
        insert.setString(3, item.status().name());
        insert.setString(4, item.documentId().map(DocumentId::value).orElse(null));
        insert.setString(5, item.errorCode().orElse(null));
        insert.setString(6, item.errorMessage().map(m -> m.length() > 4000 ? m.substring(0, 4000) : m)
            .orElse(null));
        insert.setString(7, item.errorRemedy().map(m -> m.length() > 2000 ? m.substring(0, 2000) : m)
            .orElse(null));
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.failure("record an item of job " + jobId, e);
    }
  }

  /** Closes the record of a job. */
  public void finish(String jobId, Instant finishedAt, int pages) throws StorageFailure {
    Sql.update(source, "finish job " + jobId, "UPDATE jobs SET finished_at = ?, pages = ?"
        + " WHERE id = ?", Timestamp.from(finishedAt), pages, jobId);
  }

  /**
   * Records that the batch {@code jobId} stopped at a signal at {@code stoppedAt}, having read
   * {@code pages}: its inputs with no outcome stay pending until it is run again.
   */
  public void interrupt(String jobId, Instant stoppedAt, int pages) throws StorageFailure {
    Sql.update(source, "interrupt job " + jobId, "UPDATE jobs SET finished_at = ?, pages = ?,"
        + " interrupted = TRUE WHERE id = ?", Timestamp.from(stoppedAt), pages, jobId);
  }

  /**
   * How many jobs stand in each state, by the rule of {@link JobRecord#state()}: for the
   * operator's dashboard.
   */
  public Map<JobRecord.State, Integer> states() throws StorageFailure {
    String sql = "SELECT state, COUNT(*) FROM (SELECT CASE WHEN j.interrupted THEN 'INTERRUPTED'"
        + " WHEN j.finished_at IS NOT NULL OR GREATEST(j.inputs, COUNT(i.source_path))"
        + " <= COUNT(CASE WHEN i.status IN ('DONE', 'REUSED', 'FAILED') THEN 1 END)"
        + " THEN 'FINISHED' ELSE 'RUNNING' END AS state FROM jobs j"
        + " LEFT JOIN job_items i ON i.job_id = j.id"
        + " GROUP BY j.id, j.interrupted, j.finished_at, j.inputs) s GROUP BY state";
    Map<JobRecord.State, Integer> states = new EnumMap<>(JobRecord.State.class);
    for (JobRecord.State state : JobRecord.State.values()) {
      states.put(state, 0);
    }
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        states.put(JobRecord.State.valueOf(r.getString(1)), r.getInt(2));
      }
      return states;
    } catch (SQLException e) {
      throw Sql.failure("count jobs by state", e);
    }
  }

  /** The job {@code jobId}, if it has started, with its tallies so far. */
  public Optional<JobRecord> find(String jobId) throws StorageFailure {
    List<JobRecord> found = select("WHERE j.id = ?", jobId, 1);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The {@code limit} most recently started jobs, newest first. */
  public List<JobRecord> recent(int limit) throws StorageFailure {
    return select("", null, limit);
  }

  private List<JobRecord> select(String where, String jobId, int limit) throws StorageFailure {
    String sql = "SELECT j.id, j.started_at, j.finished_at,"
        + " GREATEST(j.inputs, COUNT(i.source_path)), j.pages,"
        + " COUNT(CASE WHEN i.status = 'DONE' THEN 1 END),"
        + " COUNT(CASE WHEN i.status = 'REUSED' THEN 1 END),"
        + " COUNT(CASE WHEN i.status = 'FAILED' THEN 1 END), j.interrupted"
        + " FROM jobs j LEFT JOIN job_items i ON i.job_id = j.id " + where
        + " GROUP BY j.id, j.started_at, j.finished_at, j.inputs, j.pages, j.interrupted"
        + " ORDER BY j.started_at DESC, j.id LIMIT ?";
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int next = 1;
      if (jobId != null) {
        s.setString(next++, jobId);
      }
      s.setInt(next, limit);
      List<JobRecord> jobs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Timestamp finished = r.getTimestamp(3);
          jobs.add(new JobRecord(r.getString(1), r.getTimestamp(2).toInstant(),
              Optional.ofNullable(finished).map(Timestamp::toInstant), r.getInt(4), r.getInt(5),
              r.getInt(6), r.getInt(7), r.getInt(8), r.getBoolean(9)));
        }
      }
      return jobs;
    } catch (SQLException e) {
      throw Sql.failure(jobId != null ? "read job " + jobId : "list jobs", e);
    }
  }

  /** The outcomes recorded for a job, in input order of recording. */
  public List<JobItem> items(String jobId) throws StorageFailure {
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT source_path, status, document_id, "
            + "error_code, error_message, error_remedy FROM job_items WHERE job_id = ? ORDER BY source_path")) {
      s.setString(1, jobId);
      List<JobItem> items = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          items.add(new JobItem(r.getString(1), JobItem.Status.valueOf(r.getString(2)),
              Optional.ofNullable(r.getString(3)).map(DocumentId::new),
              Optional.ofNullable(r.getString(4)), Optional.ofNullable(r.getString(5)),
              Optional.ofNullable(r.getString(6))));
        }
      }
      return items;
    } catch (SQLException e) {
      throw Sql.failure("read job " + jobId, e);
    }
  }
}
