-- A batch stopped by Ctrl-C or SIGTERM ends with the inputs it did not reach still pending:
-- it is neither running nor finished, and running it again resumes it.
ALTER TABLE jobs ADD COLUMN interrupted BOOLEAN DEFAULT FALSE NOT NULL;
