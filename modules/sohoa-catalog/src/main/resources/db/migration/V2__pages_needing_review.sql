-- Pages the OCR engine read with low confidence, for officers to check first.
ALTER TABLE pages ADD COLUMN needs_review BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX pages_needing_review ON pages (needs_review, document_id);
