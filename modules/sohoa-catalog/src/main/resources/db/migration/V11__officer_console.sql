-- The officer console (issue 12): accounts of the clerks and certifying officers who log in,
-- their sessions, and the corrections they make to what OCR read.

-- Passwords are kept as bcrypt hashes; failed logins are counted for the lockout.
CREATE TABLE officers (
  username         VARCHAR(64)   PRIMARY KEY,
  display_name     VARCHAR(256)  NOT NULL,
  title            VARCHAR(256)  NOT NULL,
  agency           VARCHAR(1024),
  role             VARCHAR(16)   NOT NULL,
  password_hash    VARCHAR(128)  NOT NULL,
  signing_key      VARCHAR(1024),
  failed_logins    INT           NOT NULL DEFAULT 0,
  locked_until     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  disabled_at      TIMESTAMP WITH TIME ZONE
);

-- A session is known by the SHA-256 of its cookie, never the cookie itself; every server of a
-- shared deployment sees the same sessions.
CREATE TABLE console_sessions (
  id_sha256   CHAR(64)     PRIMARY KEY,
  username    VARCHAR(64)  NOT NULL REFERENCES officers (username),
  csrf_token  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_sessions_by_user ON console_sessions (username);

-- Each correction is a new version of a field or of a page's text: what OCR (or the last
-- correction) said stays beside what the clerk wrote, with who and when. The record is also in
-- the store (object_key), so that a catalog rebuilt from the store keeps it.
CREATE TABLE corrections (
  document_id   VARCHAR(32)   NOT NULL REFERENCES documents (id),
  version       INT           NOT NULL,
  target        VARCHAR(16)   NOT NULL,
  field_name    VARCHAR(64),
  page_number   INT,
  before_value  TEXT          NOT NULL,
  after_value   TEXT          NOT NULL,
  officer       VARCHAR(64)   NOT NULL,
  made_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  object_key    VARCHAR(512)  NOT NULL,
  PRIMARY KEY (document_id, version)
);
CREATE INDEX corrections_by_object_key ON corrections (object_key);
