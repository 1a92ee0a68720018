"""Plain domain objects and services, free of Telegram types so another channel can reuse them."""
