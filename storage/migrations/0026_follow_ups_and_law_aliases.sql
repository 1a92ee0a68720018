-- "Did it help?": FOLLOW_UP_DAYS after a submission is resolved (answered, or a linked bill
-- promulgated) its owner is asked whether the burden went away. The row is written in the same
-- transaction as the question's outbox row, so each submission is asked once; the answer, an
-- optional note and the new monthly cost follow as the owner gives them.
CREATE TABLE follow_ups (
    submission_id        INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
    resolved_at          TEXT NOT NULL,
    asked_at             TEXT NOT NULL,
    result               TEXT CHECK (result IN ('gone', 'smaller', 'unchanged', 'worse')),
    answered_at          TEXT,
    note                 TEXT,
    new_hours_per_month  INTEGER CHECK (new_hours_per_month >= 0),
    new_won              INTEGER CHECK (new_won >= 0),
    -- 1 while the owner may still add a note to this answer.
    awaiting_note        INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_note IN (0, 1))
);

-- Law names folded onto one line in the burden league table (domain/burden.py): the alias is
-- the name folded (NFKC, lower case, letters and digits only), the law its canonical name.
-- Administrators add and change aliases with `python -m bot import` (a law_aliases section).
CREATE TABLE law_aliases (
    alias  TEXT PRIMARY KEY,
    law    TEXT NOT NULL
);

INSERT INTO law_aliases (alias, law) VALUES
    ('저작권법', '저작권법'),
    ('copyrightact', '저작권법'),
    ('copyrightlaw', '저작권법'),
    ('ai기본법', 'AI 기본법'),
    ('인공지능기본법', 'AI 기본법'),
    ('인공지능발전과신뢰기반조성등에관한기본법', 'AI 기본법'),
    ('frameworkactonai', 'AI 기본법'),
    ('aibasicact', 'AI 기본법'),
    ('aiframeworkact', 'AI 기본법'),
    ('화장품법', '화장품법'),
    ('cosmeticsact', '화장품법'),
    ('농지법', '농지법'),
    ('farmlandact', '농지법'),
    ('건축법', '건축법'),
    ('buildingact', '건축법'),
    ('장애인차별금지법', '장애인차별금지법'),
    ('장애인차별금지및권리구제등에관한법률', '장애인차별금지법'),
    ('disabilitydiscriminationact', '장애인차별금지법'),
    ('의료기기법', '의료기기법'),
    ('medicaldevicesact', '의료기기법'),
    ('medicaldeviceact', '의료기기법'),
    ('개인정보보호법', '개인정보 보호법'),
    ('personalinformationprotectionact', '개인정보 보호법'),
    ('pipa', '개인정보 보호법');
