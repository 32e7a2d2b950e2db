-- The audit log (issues 8 and 10): every retrieval, issuance and key event, each entry chained
-- to the one before by SHA-256, so that a changed, removed or reordered row breaks the chain at
-- that row ('sohoa audit verify'). audit_head holds the chain's end; appending locks it, so
-- processes on any machines append one at a time.
CREATE TABLE audit_log (
  seq              BIGINT        PRIMARY KEY,
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  actor            VARCHAR(256)  NOT NULL,
  action           VARCHAR(32)   NOT NULL,
  subject          VARCHAR(256)  NOT NULL,
  document_sha256  CHAR(64),
  detail           VARCHAR(4096) NOT NULL,
  previous_hash    CHAR(64)      NOT NULL,
  entry_hash       CHAR(64)      NOT NULL
);

CREATE TABLE audit_head (
  id         INT      PRIMARY KEY,
  last_seq   BIGINT   NOT NULL,
  last_hash  CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
