-- Keys of the systems and officers that call the HTTP API (issue 8). Only a SHA-256 of each
-- key's secret is kept: the key itself is shown once, when it is made.
CREATE TABLE api_keys (
  key_id         CHAR(16)      PRIMARY KEY,
  secret_sha256  CHAR(64)      NOT NULL,
  role           VARCHAR(16)   NOT NULL,
  agency         VARCHAR(1024),
  label          VARCHAR(256)  NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE
);
