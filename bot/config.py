"""Settings, declared once: each field's description feeds `.env.example` and the README table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from domain.subscriptions import QuietHours

__all__ = ["ConfigurationError", "Settings", "load_settings"]

_TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")


class ConfigurationError(Exception):
    """A setting is missing or malformed; the message names the variable and what it expects."""


class Settings(BaseSettings):
    """Sotong's configuration, read from the environment or `.env`."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr = Field(
        description="Token from @BotFather, like 123456:ABC-DEF... Required to run the bot.",
        examples=["123456789:AAFakeTokenForTheSandboxOnly_xxxxxxxx"],
    )
    bot_api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        description=(
            "Bot API endpoint; the bot appends the token as Telegram does. Point it at a local "
            "Bot API server or the emulator."
        ),
    )
    bot_api_file_url: str = Field(
        default="https://api.telegram.org/file/bot",
        description="Where files are downloaded from; the bot appends the token.",
    )
    database_path: Path = Field(
        default=Path("data/sotong.db"),
        description="SQLite database file; its folder is created if missing.",
    )
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(),
        description="Comma-separated Telegram user ids of administrators, e.g. 1234,5678.",
    )
    timezone: str = Field(
        default="Asia/Seoul",
        description="IANA time zone for schedules and the dates users see.",
    )
    default_language: Literal["ko", "en"] = Field(
        default="ko",
        description="Language for users who have not chosen one: ko or en.",
    )
    privacy_controller: str = Field(
        default="Sotong",
        description="Who is responsible for the personal data, named in the privacy notice.",
    )
    retention_years: int = Field(
        default=3,
        ge=1,
        le=10,
        description="Years personal data is kept after a submission is closed, per the notice.",
    )
    submission_daily_limit: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="Submissions one user may make per calendar day, against flooding.",
    )
    delivery_rate_per_second: float = Field(
        default=25.0,
        gt=0,
        le=1000,
        description=(
            "Digest messages sent per second at most, overall; Telegram allows about 30, and "
            "the rest is left for replies."
        ),
    )
    delivery_per_chat_interval: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="Seconds between two digest messages to one chat (Telegram: about 1).",
    )
    delivery_max_attempts: int = Field(
        default=5,
        ge=1,
        le=50,
        description=(
            "Attempts per queued message on network or server errors before it is marked "
            "failed with the reason."
        ),
    )
    quiet_hours: str = Field(
        default="22-08",
        description=(
            "Local hours without digests or notices, like 22-08 (from 22:00 to 08:00); off "
            "to send at any hour. Asked-for hour-before reminders still go."
        ),
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO",
        description="Logging threshold: DEBUG, INFO, WARNING or ERROR.",
    )

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        if not _TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError(
                "a token from @BotFather, like 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
            )
        return value

    @field_validator("bot_api_base_url", "bot_api_file_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("an http:// or https:// URL")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.lstrip("-").isdigit() for part in parts):
                raise ValueError("comma-separated numeric Telegram user ids, e.g. 1234,5678")
            return frozenset(int(part) for part in parts)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("an IANA time zone name such as Asia/Seoul") from exc
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_window(cls, value: str) -> str:
        QuietHours.parse(value)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def zone(self) -> ZoneInfo:
        """The configured zone as an object; schedules and rendering both need it."""
        return ZoneInfo(self.timezone)

    @property
    def quiet(self) -> QuietHours:
        """The quiet window as an object, for the scheduler and the subscription hours."""
        return QuietHours.parse(self.quiet_hours)


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning pydantic's report into one line a person can act on."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        variable = str(error["loc"][0]).upper() if error["loc"] else "configuration"
        if error["type"] == "missing":
            expected = Settings.model_fields[variable.lower()].description or "a value"
            raise ConfigurationError(f"{variable} is not set. Expected: {expected}") from None
        reason = str(error["msg"]).removeprefix("Value error, ")
        raise ConfigurationError(f"{variable} is invalid: expected {reason}") from None
