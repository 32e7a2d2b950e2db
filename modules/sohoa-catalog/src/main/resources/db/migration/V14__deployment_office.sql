-- One register per office (issue 22): the certification office a deployment numbers copies for
-- is configuration, recorded once in its catalog; the API, the console and the CLI all read it.
CREATE TABLE deployment_office (
  id      INT          PRIMARY KEY,
  office  VARCHAR(64)  NOT NULL
);
