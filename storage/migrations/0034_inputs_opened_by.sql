-- Which update opened a person's open question (NULL: none, e.g. a job or another channel).
-- After a crash the update journal replays an update whose handling was not recorded; when that
-- very update opened the question, its answer is stored and the question was sent, so the replay
-- must not be taken as the question's answer (handlers/conversation.py).
ALTER TABLE inputs_in_progress ADD COLUMN opened_by INTEGER;
