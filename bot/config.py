"""Settings, declared once: each field's description feeds `.env.example` and the README table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from domain.subscriptions import QuietHours

__all__ = ["ConfigurationError", "Settings", "load_settings"]

_TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
# Telegram's rule for setWebhook's secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -.
_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
# Plain HTTP only to this machine: a local Bot API server or the emulator delivers there.
_LOOPBACK_HTTP = ("http://127.0.0.1:", "http://localhost:", "http://[::1]:")
# The only ports Telegram posts an HTTPS webhook to; setWebhook refuses any other.
_WEBHOOK_PORTS = frozenset({443, 80, 88, 8443})
_LISTEN_PATTERN = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(?P<port>\d{1,5})$")


class ConfigurationError(Exception):
    """A setting is missing or malformed; the message names the variable and what it expects."""


class Settings(BaseSettings):
    """Sotong's configuration, read from the environment or `.env`."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr | None = Field(
        default=None,
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
    privacy_contact: str = Field(
        default="",
        description=(
            "How people reach the controller about their data (e-mail or phone), shown in the "
            "privacy notice; set it in production."
        ),
    )
    retention_years: int = Field(
        default=3,
        ge=1,
        le=10,
        description=(
            "Years personal data is kept after a submission is answered, closed or rejected, "
            "or after a person's last visit, per the notice."
        ),
    )
    submission_daily_limit: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="Submissions one user may make per calendar day, against flooding.",
    )
    evidence_max_mb: int = Field(
        default=20,
        ge=1,
        le=2000,
        description=(
            "Largest evidence file an owner may attach, in MB (Telegram lets bots download up "
            "to 20)."
        ),
    )
    answer_deadline_days: int = Field(
        default=14,
        ge=1,
        le=365,
        description=(
            "Calendar days (in TIMEZONE) within which a submission is promised an answer; "
            "its due date is fixed when it is received."
        ),
    )
    follow_up_days: int = Field(
        default=90,
        ge=1,
        le=730,
        description=(
            "Days after a submission is resolved (answered, or its linked bill promulgated) "
            "that its owner is asked whether the burden went away."
        ),
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
    delivery_give_up_hours: float = Field(
        default=48.0,
        gt=0,
        le=24 * 30,
        description=(
            "Hours a queued message keeps being retried through network errors and Telegram "
            "outages, counted from when it was due, before it is marked failed with the reason "
            "(logged and shown in /delivery)."
        ),
    )
    input_burst: int = Field(
        default=20,
        ge=1,
        le=10_000,
        description=(
            "Messages and button taps one user may send at once; beyond it they are skipped, "
            "with one notice, until the budget refills."
        ),
    )
    input_per_minute: float = Field(
        default=60.0,
        gt=0,
        le=100_000,
        description="How fast a user's input budget refills, in messages per minute.",
    )
    reply_rate_per_second: float = Field(
        default=20.0,
        ge=0,
        le=1000,
        description=(
            "Replies sent per second at most, overall, kept under Telegram's 30 for calls made "
            "outside replies; 0 turns reply pacing off. Digests are paced by DELIVERY_ settings."
        ),
    )
    reply_chat_burst: int = Field(
        default=15,
        ge=1,
        le=1000,
        description=(
            "Replies one chat may get at once before they are spaced out; kept under "
            "Telegram's tolerance (about 20) to leave room for digests and network jitter."
        ),
    )
    reply_chat_interval: float = Field(
        default=1.0,
        gt=0,
        le=60,
        description=(
            "Seconds between two replies to one chat once its burst is spent (Telegram: about 1)."
        ),
    )
    quiet_hours: str = Field(
        default="22-08",
        description=(
            "Local hours in which no queued message goes out, like 22-08 (from 22:00 to 08:00): "
            "digests, news, meeting changes, draft reminders and notices about a submission "
            "(status changes, official answers, merges) wait until the window ends; asked-for "
            "hour-before reminders still go. off to send at any hour."
        ),
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO",
        description="Logging threshold: DEBUG, INFO, WARNING or ERROR.",
    )
    webhook_url: str | None = Field(
        default=None,
        description=(
            "Public HTTPS URL Telegram posts updates to, e.g. https://bot.example.org/telegram, "
            "on port 443, 80, 88 or 8443 (the only ports Telegram posts to); unset to long-poll "
            "instead. Its path is the path the webhook server answers on."
        ),
    )
    webhook_listen: str = Field(
        default="127.0.0.1:8443",
        description=(
            "host:port the webhook server binds to, behind a reverse proxy that terminates "
            "HTTPS; it also answers GET /healthz."
        ),
    )
    webhook_secret: SecretStr | None = Field(
        default=None,
        validate_default=True,
        description=(
            "Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (16-256 of A-Z a-z 0-9 _ "
            "-); required with WEBHOOK_URL. Requests without it get 403."
        ),
    )
    backup_dir: Path = Field(
        default=Path("data/backups"),
        description="Folder for the daily backups and for python -m bot backup without --out.",
    )
    backup_keep: int = Field(
        default=14,
        ge=1,
        le=3650,
        description="How many daily backups to keep in BACKUP_DIR; older ones are deleted.",
    )
    backup_hour: int = Field(
        default=3,
        ge=0,
        le=23,
        description=(
            "Local hour of the nightly maintenance: the retention purge, then the backup."
        ),
    )
    min_free_disk_mb: int = Field(
        default=200,
        ge=0,
        description=(
            "python -m bot check fails when the database's disk has less free space (MB)."
        ),
    )
    assembly_api_key: SecretStr | None = Field(
        default=None,
        description=(
            "Key for the National Assembly open API (open.assembly.go.kr); when set, tracked "
            "bills' stages are read from it. Unset: stages are entered by hand only."
        ),
    )
    assembly_api_url: str = Field(
        default="https://open.assembly.go.kr/portal/openapi",
        description="Base URL of the National Assembly open API; the service name is appended.",
    )
    assembly_sync_hours: int = Field(
        default=6,
        ge=1,
        le=168,
        description="Hours between two readings of the National Assembly open API.",
    )
    log_payloads: bool = Field(
        default=False,
        description=(
            "At LOG_LEVEL=DEBUG, also log the libraries' SQL rows, updates and API parameters, "
            "which can tie an anonymous submission to its sender; for debugging only."
        ),
    )

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError(
                "a token from @BotFather, like 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
            )
        return value

    @field_validator("bot_api_base_url", "bot_api_file_url", "assembly_api_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("an http:// or https:// URL")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            return None
        if value is None:
            return None
        if not value.startswith(("https://", *_LOOPBACK_HTTP)):
            raise ValueError("an https:// URL (Telegram posts webhooks over HTTPS only)")
        try:
            port = urlsplit(value).port
        except ValueError:
            raise ValueError("a URL with a valid port number") from None
        # Plain HTTP reaches only a local Bot API server, which posts to any port.
        if value.startswith("https://") and (port or 443) not in _WEBHOOK_PORTS:
            raise ValueError(
                f"an https:// URL on port 443, 80, 88 or 8443, not {port} "
                "(the only ports Telegram posts webhooks to)"
            )
        return value

    @field_validator("webhook_listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        match = _LISTEN_PATTERN.match(value.strip())
        if match is None or not 0 < int(match["port"]) < 65536:
            raise ValueError("host:port, like 127.0.0.1:8443")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _secret_with_webhook(
        cls, value: SecretStr | None, info: ValidationInfo
    ) -> SecretStr | None:
        if value is not None and not value.get_secret_value():
            value = None
        if value is not None and not _SECRET_PATTERN.match(value.get_secret_value()):
            raise ValueError("16 to 256 characters of A-Z, a-z, 0-9, _ and -")
        if value is None and info.data.get("webhook_url"):
            raise ValueError("a secret when WEBHOOK_URL is set (16-256 of A-Z a-z 0-9 _ -)")
        return value

    @field_validator("assembly_api_key")
    @classmethod
    def _blank_is_unset(cls, value: SecretStr | None) -> SecretStr | None:
        return value if value is not None and value.get_secret_value().strip() else None

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
    def token(self) -> str:
        """The token, for the one place that talks to Telegram; only `export`/`import` lack it."""
        if self.bot_token is None:
            raise ConfigurationError(_missing("bot_token"))
        return self.bot_token.get_secret_value()

    @property
    def zone(self) -> ZoneInfo:
        """The configured zone as an object; schedules and rendering both need it."""
        return ZoneInfo(self.timezone)

    @property
    def quiet(self) -> QuietHours:
        """The quiet window as an object, for the scheduler and the subscription hours."""
        return QuietHours.parse(self.quiet_hours)

    @property
    def webhook_address(self) -> tuple[str, int]:
        """WEBHOOK_LISTEN split into what a socket binds to."""
        match = _LISTEN_PATTERN.match(self.webhook_listen)
        assert match is not None
        return match["host"].strip("[]"), int(match["port"])


def _missing(field: str) -> str:
    expected = Settings.model_fields[field].description or "a value"
    return f"{field.upper()} is not set. Expected: {expected}"


def load_settings(*, require_token: bool = True, **overrides: object) -> Settings:
    """Build settings, turning pydantic's report into one line a person can act on.

    `require_token=False` is for the commands that never contact Telegram (export, import).
    """
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        variable = str(error["loc"][0]).upper() if error["loc"] else "configuration"
        if error["type"] == "missing":
            raise ConfigurationError(_missing(variable.lower())) from None
        reason = str(error["msg"]).removeprefix("Value error, ")
        raise ConfigurationError(f"{variable} is invalid: expected {reason}") from None
    if require_token and settings.bot_token is None:
        raise ConfigurationError(_missing("bot_token"))
    return settings
