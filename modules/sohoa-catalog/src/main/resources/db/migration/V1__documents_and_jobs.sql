-- The catalog indexes what the object store holds; it can be rebuilt from the manifests.
-- Written in the SQL that both H2 (embedded default) and PostgreSQL (shared) accept.

CREATE TABLE documents (
  id               VARCHAR(32)   PRIMARY KEY,
  original_sha256  CHAR(64)      NOT NULL UNIQUE,
  source_name      VARCHAR(1024) NOT NULL,
  media_type       VARCHAR(100)  NOT NULL,
  page_count       INT           NOT NULL,
  mean_confidence  REAL          NOT NULL,
  full_text        TEXT          NOT NULL,
  manifest_sha256  CHAR(64)      NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE artifacts (
  document_id  VARCHAR(32)  NOT NULL REFERENCES documents (id),
  kind         VARCHAR(32)  NOT NULL,
  object_key   VARCHAR(512) NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  PRIMARY KEY (document_id, kind)
);

CREATE TABLE pages (
  document_id      VARCHAR(32) NOT NULL REFERENCES documents (id),
  page_number      INT         NOT NULL,
  text_origin      VARCHAR(16) NOT NULL,
  word_count       INT         NOT NULL,
  mean_confidence  REAL        NOT NULL,
  PRIMARY KEY (document_id, page_number)
);

CREATE TABLE jobs (
  id           VARCHAR(64) PRIMARY KEY,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at  TIMESTAMP WITH TIME ZONE,
  inputs       INT NOT NULL,
  done         INT NOT NULL DEFAULT 0,
  reused       INT NOT NULL DEFAULT 0,
  failed       INT NOT NULL DEFAULT 0,
  pages        INT NOT NULL DEFAULT 0
);

CREATE TABLE job_items (
  job_id         VARCHAR(64)   NOT NULL REFERENCES jobs (id),
  source_path    VARCHAR(4096) NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  document_id    VARCHAR(32),
  error_code     VARCHAR(64),
  error_message  VARCHAR(4096),
  PRIMARY KEY (job_id, source_path)
);
