-- The certification register (sổ chứng thực bản sao từ bản chính), issue 6. Each office numbers
-- its certifications from 1 every year, continuing across the books (quyển) of that year; every
-- number issued is an entry, and an entry ends either ISSUED (bound to a stored, signed copy, by
-- its hash) or VOIDED (with the reason): numbers never repeat or vanish. An entry is RESERVED
-- only while its process makes the copy; 'holder' names that process so that another can tell,
-- after a crash, that nobody will finish it.

CREATE TABLE register_sequences (
  office       VARCHAR(64) NOT NULL,
  seq_year     INT         NOT NULL,
  next_number  INT         NOT NULL,
  PRIMARY KEY (office, seq_year)
);

CREATE TABLE register_entries (
  office         VARCHAR(64)   NOT NULL,
  seq_year       INT           NOT NULL,
  entry_number   INT           NOT NULL,
  book           VARCHAR(64)   NOT NULL,
  copy_id        VARCHAR(32)   NOT NULL UNIQUE,
  original_id    VARCHAR(32)   NOT NULL REFERENCES documents (id),
  status         VARCHAR(16)   NOT NULL,
  officer        VARCHAR(512)  NOT NULL,
  officer_title  VARCHAR(512)  NOT NULL,
  agency         VARCHAR(1024) NOT NULL,
  holder         VARCHAR(256)  NOT NULL,
  reserved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at    TIMESTAMP WITH TIME ZONE,
  page_count     INT,
  object_key     VARCHAR(512),
  sha256         CHAR(64),
  void_reason    VARCHAR(4096),
  PRIMARY KEY (office, seq_year, entry_number)
);

CREATE INDEX register_entries_by_original ON register_entries (original_id);
CREATE INDEX register_entries_by_status ON register_entries (status);
