-- Which process is digitising which original right now (issue 7): the same original is never
-- digitised twice at once by workers on any machines sharing the catalog. The second one waits
-- for the first's result and reuses it; a claim whose holder died is taken over.
CREATE TABLE claims (
  original_sha256  CHAR(64)     PRIMARY KEY,
  holder           VARCHAR(256) NOT NULL,
  claimed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
