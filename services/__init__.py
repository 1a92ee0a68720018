"""Use cases: what the bot does, over storage, rendered through messages; no Telegram types."""
