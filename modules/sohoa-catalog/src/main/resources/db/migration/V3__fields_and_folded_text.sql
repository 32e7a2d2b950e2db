-- Fields read off each document (issue 4), and text folded for searching: no diacritics,
-- đ as d, lower case, so that 'quyet dinh 123' finds 'Quyết định số 123'.

ALTER TABLE documents ADD COLUMN kind VARCHAR(32) DEFAULT 'other' NOT NULL;
ALTER TABLE documents ADD COLUMN folded_text TEXT DEFAULT '' NOT NULL;

CREATE TABLE fields (
  document_id  VARCHAR(32)   NOT NULL REFERENCES documents (id),
  field_name   VARCHAR(64)   NOT NULL,
  field_value  VARCHAR(4096) NOT NULL,
  folded       VARCHAR(4096) NOT NULL,
  confidence   REAL          NOT NULL,
  page_number  INT           NOT NULL,
  box_left     INT,
  box_top      INT,
  box_right    INT,
  box_bottom   INT,
  PRIMARY KEY (document_id, field_name)
);

CREATE INDEX fields_by_folded_value ON fields (field_name, folded);
