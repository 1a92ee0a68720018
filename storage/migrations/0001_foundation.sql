-- Users and the conversation state PTB persists, as JSON.
CREATE TABLE users (
    id               INTEGER PRIMARY KEY,
    language         TEXT NOT NULL CHECK (language IN ('ko', 'en')),
    language_chosen  INTEGER NOT NULL DEFAULT 0 CHECK (language_chosen IN (0, 1)),
    consent_state    TEXT NOT NULL DEFAULT 'unanswered'
                     CHECK (consent_state IN ('unanswered', 'granted', 'declined')),
    consent_version  TEXT,
    consent_at       TEXT,
    display_name     TEXT,
    username         TEXT,
    first_seen_at    TEXT NOT NULL,
    last_seen_at     TEXT NOT NULL,
    blocked_at       TEXT
);

CREATE TABLE ptb_conversations (
    handler  TEXT NOT NULL,
    key      TEXT NOT NULL,
    state    TEXT NOT NULL,
    PRIMARY KEY (handler, key)
);

CREATE TABLE ptb_user_data (
    user_id  INTEGER PRIMARY KEY,
    data     TEXT NOT NULL
);

CREATE TABLE ptb_chat_data (
    chat_id  INTEGER PRIMARY KEY,
    data     TEXT NOT NULL
);

CREATE TABLE ptb_bot_data (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    data     TEXT NOT NULL
);

CREATE TABLE ptb_callback_data (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    data     TEXT NOT NULL
);
