-- A delivery that tells an anonymous submitter is private: /delivery shows that it exists, never
-- how many it reached or why one failed, since those figures would tell an administrator whether
-- the owner blocked the bot, erased their data, or also wrote the other report of a merge.
ALTER TABLE deliveries ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));
