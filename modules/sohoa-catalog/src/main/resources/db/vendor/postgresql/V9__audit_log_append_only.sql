-- The audit log is append-only (issue 10): no role, the application's included, can change,
-- remove or truncate an entry. Only the table's owner can disable the trigger, and an entry
-- changed that way still breaks the hash chain, which 'sohoa audit verify' reports. Deployments
-- that run the application as a role other than the owner (recommended) also
-- REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM that role.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
