-- A failed input's fix to try, for job reports read long after the run.
ALTER TABLE job_items ADD COLUMN error_remedy VARCHAR(2000);

-- Fixity audits ask, for each object in the store, whether a catalog row knows its key.
CREATE INDEX artifacts_by_object_key ON artifacts (object_key);
