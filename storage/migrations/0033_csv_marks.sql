-- The CSV export at a million reports: whether a report's typed text must be quoted (it holds a
-- comma, a double quote or a line end, as csv's minimal quoting decides) or defused (it starts
-- with = + - @, a tab or a carriage return: domain/export/neutralise.py) is decided once, when
-- the text is written, instead of by scanning every text of every row at each export, which was
-- most of the export's time. Two bits per column, read by storage/exports.py: to quote
-- problem 1, law_or_rule 2, proposal 4, forwarded_to 8, answer_text 16, submitter_name 32,
-- submitter_username 64; to defuse the same times 256. The view holds the rule once; the
-- triggers and the backfill copy its answer into the row.
ALTER TABLE submissions ADD COLUMN csv_marks INTEGER NOT NULL DEFAULT 0;

CREATE VIEW submissions_csv_marks (id, marks) AS
    SELECT id,
        COALESCE(instr(problem, ',') OR instr(problem, '"')
            OR instr(problem, char(10)) OR instr(problem, char(13)), 0) * 1
        | COALESCE(unicode(problem) IN (61, 43, 45, 64, 9, 13), 0) * 256
        | COALESCE(instr(law_or_rule, ',') OR instr(law_or_rule, '"')
            OR instr(law_or_rule, char(10)) OR instr(law_or_rule, char(13)), 0) * 2
        | COALESCE(unicode(law_or_rule) IN (61, 43, 45, 64, 9, 13), 0) * 512
        | COALESCE(instr(proposal, ',') OR instr(proposal, '"')
            OR instr(proposal, char(10)) OR instr(proposal, char(13)), 0) * 4
        | COALESCE(unicode(proposal) IN (61, 43, 45, 64, 9, 13), 0) * 1024
        | COALESCE(instr(forwarded_to, ',') OR instr(forwarded_to, '"')
            OR instr(forwarded_to, char(10)) OR instr(forwarded_to, char(13)), 0) * 8
        | COALESCE(unicode(forwarded_to) IN (61, 43, 45, 64, 9, 13), 0) * 2048
        | COALESCE(instr(answer_text, ',') OR instr(answer_text, '"')
            OR instr(answer_text, char(10)) OR instr(answer_text, char(13)), 0) * 16
        | COALESCE(unicode(answer_text) IN (61, 43, 45, 64, 9, 13), 0) * 4096
        | COALESCE(instr(submitter_name, ',') OR instr(submitter_name, '"')
            OR instr(submitter_name, char(10)) OR instr(submitter_name, char(13)), 0) * 32
        | COALESCE(unicode(submitter_name) IN (61, 43, 45, 64, 9, 13), 0) * 8192
        | COALESCE(instr(submitter_username, ',') OR instr(submitter_username, '"')
            OR instr(submitter_username, char(10)) OR instr(submitter_username, char(13)), 0) * 64
        | COALESCE(unicode(submitter_username) IN (61, 43, 45, 64, 9, 13), 0) * 16384
    FROM submissions;

CREATE TRIGGER submissions_csv_marks_insert AFTER INSERT ON submissions BEGIN
    UPDATE submissions
    SET csv_marks = (SELECT marks FROM submissions_csv_marks WHERE id = new.id)
    WHERE id = new.id;
END;

CREATE TRIGGER submissions_csv_marks_update AFTER UPDATE OF
    problem, law_or_rule, proposal, forwarded_to, answer_text, submitter_name, submitter_username
ON submissions BEGIN
    UPDATE submissions
    SET csv_marks = (SELECT marks FROM submissions_csv_marks WHERE id = new.id)
    WHERE id = new.id;
END;

UPDATE submissions
SET csv_marks = (SELECT marks FROM submissions_csv_marks m WHERE m.id = submissions.id);
