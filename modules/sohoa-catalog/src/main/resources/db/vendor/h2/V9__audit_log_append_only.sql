-- The audit log is append-only (issue 10): the embedded catalog refuses to change or remove an
-- entry (AppendOnlyTrigger); an entry changed by other means breaks the hash chain.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
  FOR EACH ROW CALL 'sohoa.catalog.AppendOnlyTrigger';
