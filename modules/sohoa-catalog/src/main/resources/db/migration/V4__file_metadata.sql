-- What each input said about itself, as Tika read it (issue 4): the questions officers ask of a
-- file. Every other property Tika found is in the document's manifest.

CREATE TABLE file_metadata (
  document_id   VARCHAR(32)   PRIMARY KEY REFERENCES documents (id),
  title         VARCHAR(4096),
  author        VARCHAR(1024),
  creator_tool  VARCHAR(1024),
  producer      VARCHAR(1024),
  file_created  TIMESTAMP WITH TIME ZONE,
  file_modified TIMESTAMP WITH TIME ZONE,
  page_count    INT,
  has_xmp       BOOLEAN       NOT NULL,
  problem       VARCHAR(4096)
);

CREATE INDEX file_metadata_by_producer ON file_metadata (producer);
