-- The CSV export at a million reports: which of a report's typed texts hold a comma, a double
-- quote or a line end, and so must be quoted by csv's minimal quoting, is decided once when the
-- text is written instead of by scanning every text of every row at each export (most of the
-- export's time). One bit per column: problem 1, law_or_rule 2, proposal 4, forwarded_to 8,
-- answer_text 16, submitter_name 32, submitter_username 64 (storage/exports.py reads them).
-- The view holds the rule once; the triggers and the backfill copy its answer into the row.
ALTER TABLE submissions ADD COLUMN csv_quoted INTEGER NOT NULL DEFAULT 0;

CREATE VIEW submissions_csv_quoting (id, quoted) AS
    SELECT id,
        COALESCE(instr(problem, ',') OR instr(problem, '"') OR instr(problem, char(10))
            OR instr(problem, char(13)), 0) * 1
        | COALESCE(instr(law_or_rule, ',') OR instr(law_or_rule, '"')
            OR instr(law_or_rule, char(10)) OR instr(law_or_rule, char(13)), 0) * 2
        | COALESCE(instr(proposal, ',') OR instr(proposal, '"') OR instr(proposal, char(10))
            OR instr(proposal, char(13)), 0) * 4
        | COALESCE(instr(forwarded_to, ',') OR instr(forwarded_to, '"')
            OR instr(forwarded_to, char(10)) OR instr(forwarded_to, char(13)), 0) * 8
        | COALESCE(instr(answer_text, ',') OR instr(answer_text, '"') OR instr(answer_text, char(10))
            OR instr(answer_text, char(13)), 0) * 16
        | COALESCE(instr(submitter_name, ',') OR instr(submitter_name, '"')
            OR instr(submitter_name, char(10)) OR instr(submitter_name, char(13)), 0) * 32
        | COALESCE(instr(submitter_username, ',') OR instr(submitter_username, '"')
            OR instr(submitter_username, char(10)) OR instr(submitter_username, char(13)), 0) * 64
    FROM submissions;

CREATE TRIGGER submissions_csv_quoted_insert AFTER INSERT ON submissions BEGIN
    UPDATE submissions
    SET csv_quoted = (SELECT quoted FROM submissions_csv_quoting WHERE id = new.id)
    WHERE id = new.id;
END;

CREATE TRIGGER submissions_csv_quoted_update AFTER UPDATE OF
    problem, law_or_rule, proposal, forwarded_to, answer_text, submitter_name, submitter_username
ON submissions BEGIN
    UPDATE submissions
    SET csv_quoted = (SELECT quoted FROM submissions_csv_quoting WHERE id = new.id)
    WHERE id = new.id;
END;

UPDATE submissions
SET csv_quoted = (SELECT quoted FROM submissions_csv_quoting q WHERE q.id = submissions.id);
