-- Inbox search: the receipt code, problem, proposal and law name of each submission, lower-cased
-- (ASCII) with all white space removed, so Korean matches whether or not words were spaced.
-- FTS5's trigram tokenizer finds terms of three or more characters through its index (measured
-- 0.8 ms against 80 ms for a scan over 20,000 submissions); shorter terms scan `norm` with instr.
CREATE VIRTUAL TABLE submissions_search USING fts5(norm, tokenize = 'trigram');

CREATE TRIGGER submissions_search_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO submissions_search (rowid, norm) VALUES (
        new.id,
        lower(replace(replace(replace(replace(
            new.receipt_code || new.problem || COALESCE(new.proposal, '')
                || COALESCE(new.law_or_rule, ''),
            ' ', ''), char(10), ''), char(13), ''), char(9), ''))
    );
END;

CREATE TRIGGER submissions_search_update
AFTER UPDATE OF problem, proposal, law_or_rule ON submissions BEGIN
    DELETE FROM submissions_search WHERE rowid = old.id;
    INSERT INTO submissions_search (rowid, norm) VALUES (
        new.id,
        lower(replace(replace(replace(replace(
            new.receipt_code || new.problem || COALESCE(new.proposal, '')
                || COALESCE(new.law_or_rule, ''),
            ' ', ''), char(10), ''), char(13), ''), char(9), ''))
    );
END;

CREATE TRIGGER submissions_search_delete AFTER DELETE ON submissions BEGIN
    DELETE FROM submissions_search WHERE rowid = old.id;
END;

INSERT INTO submissions_search (rowid, norm)
SELECT id, lower(replace(replace(replace(replace(
    receipt_code || problem || COALESCE(proposal, '') || COALESCE(law_or_rule, ''),
    ' ', ''), char(10), ''), char(13), ''), char(9), ''))
FROM submissions;

-- The words an administrator last searched the inbox for: paging and filter buttons carry only
-- a flag (callback data holds 64 bytes), the words stay here.
CREATE TABLE admin_searches (
    admin_id  INTEGER PRIMARY KEY,
    query     TEXT NOT NULL,
    at        TEXT NOT NULL
);
