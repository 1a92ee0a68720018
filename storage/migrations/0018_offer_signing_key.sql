-- A secret the bot signs "me too" offers with: a button carries a short tag proving the bot showed
-- that submission to that user, so callback data cannot enumerate submissions or add support to
-- one the user never saw. Made here, once, by SQLite's own random source; never shown anywhere.
CREATE TABLE signing_keys (
    purpose  TEXT PRIMARY KEY,
    secret   BLOB NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO signing_keys (purpose, secret) VALUES ('me_too_offer', randomblob(32));
