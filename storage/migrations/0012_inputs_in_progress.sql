-- One home for everything a person is half-way through typing, and one place for where they are.
-- A row per person and flow (feedback, start, admin_inbox, content_admin, subscribe) holds the
-- step the flow waits for and the flow's half-filled form as JSON. At most one row per person is
-- open: that step is the question their next text answers; the others are parked and resume
-- when their flow is entered again. `asked` says whether the open step's question reached the
-- person, so text typed before it did (a retry after a crash) is not taken as its answer.
-- The feedback draft's typed answers stay in submission_drafts, written in the same
-- transaction as this row; its `step` column moves here, so the step lives in one place only.
CREATE TABLE inputs_in_progress (
    user_id     INTEGER NOT NULL,
    flow        TEXT NOT NULL,
    step        TEXT NOT NULL,
    is_open     INTEGER NOT NULL DEFAULT 0 CHECK (is_open IN (0, 1)),
    asked       INTEGER NOT NULL DEFAULT 0 CHECK (asked IN (0, 1)),
    form        TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, flow)
);

CREATE UNIQUE INDEX inputs_in_progress_one_open ON inputs_in_progress (user_id) WHERE is_open = 1;

INSERT INTO inputs_in_progress (user_id, flow, step, is_open, asked, form, updated_at)
SELECT user_id, 'feedback', step, 0, 0, '{}', updated_at FROM submission_drafts;

INSERT INTO inputs_in_progress (user_id, flow, step, is_open, asked, form, updated_at)
SELECT admin_id, 'admin_inbox', 'typing', 1, 1,
       json_object('action', action, 'submission_id', submission_id), asked_at
FROM admin_pending_inputs;

ALTER TABLE submission_drafts DROP COLUMN step;

DROP TABLE admin_pending_inputs;

-- PTB's own persistence is gone: conversation states are read from the rows above.
DROP TABLE ptb_conversations;
DROP TABLE ptb_user_data;
DROP TABLE ptb_chat_data;
DROP TABLE ptb_bot_data;
DROP TABLE ptb_callback_data;
