-- Identity binding (issue 22). An officer account is bound to its signing certificate: its
-- subject and SHA-256 fingerprint, read by 'sohoa officers add'. An API key that may issue
-- certified copies is bound to one officer account, whose name and title the lời chứng prints.
ALTER TABLE officers ADD COLUMN certificate_subject VARCHAR(1024);
ALTER TABLE officers ADD COLUMN certificate_sha256 CHAR(64);
ALTER TABLE api_keys ADD COLUMN officer VARCHAR(64);
