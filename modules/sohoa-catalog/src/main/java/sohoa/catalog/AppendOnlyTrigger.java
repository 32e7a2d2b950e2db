package sohoa.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Refuses every change and removal of an audit entry in the embedded catalog: the log is
 * append-only. Public only because H2 instantiates triggers by class name.
 */
public final class AppendOnlyTrigger implements Trigger {
  @Override
  public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
    throw new SQLException("the audit log is append-only: "
        + (after == null ? "DELETE" : "UPDATE") + " refused", "42501");
  }
}
