-- Wrong PINs at signing are counted apart from wrong passwords: a PKCS#12 file, unlike a token,
-- never locks itself, so the console stops trying an officer's key after too many in a row. Apart,
-- so that someone guessing passwords at the login page cannot stop a signed-in officer signing.
ALTER TABLE officers ADD COLUMN failed_pins INT NOT NULL DEFAULT 0;
ALTER TABLE officers ADD COLUMN signing_locked_until TIMESTAMP WITH TIME ZONE;
