"""Settings: one clear line for each mistake, and documentation that matches the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigurationError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAtestTOKENforTHEemulatorONLY_0123456789"


def _load(**values: object) -> Settings:
    return load_settings(_env_file=None, **values)


def test_defaults_follow_the_issue() -> None:
    settings = _load(bot_token=TOKEN)
    assert settings.bot_api_base_url == "https://api.telegram.org/bot"
    assert settings.database_path == Path("data/sotong.db")
    assert settings.timezone == "Asia/Seoul"
    assert settings.default_language == "ko"
    assert settings.admin_ids == frozenset()


def test_admin_ids_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("ADMIN_IDS", " 12, 34 ,56")
    settings = load_settings(_env_file=None)
    assert settings.admin_ids == frozenset({12, 34, 56})


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "BOT_TOKEN is not set"),
        ({"bot_token": "nonsense"}, "BOT_TOKEN is invalid: expected a token from @BotFather"),
        ({"bot_token": TOKEN, "admin_ids": "1,two"}, "ADMIN_IDS is invalid: expected comma"),
        ({"bot_token": TOKEN, "timezone": "Mars/Base"}, "TIMEZONE is invalid: expected an IANA"),
        ({"bot_token": TOKEN, "default_language": "fr"}, "DEFAULT_LANGUAGE is invalid"),
        ({"bot_token": TOKEN, "bot_api_base_url": "ftp://x"}, "BOT_API_BASE_URL is invalid"),
        ({"bot_token": TOKEN, "log_level": "LOUD"}, "LOG_LEVEL is invalid"),
        (
            {"bot_token": TOKEN, "webhook_url": "https://bot.example.org:8080/telegram"},
            "WEBHOOK_URL is invalid: expected an https:// URL on port 443, 80, 88 or 8443, "
            "not 8080",
        ),
        (
            {"bot_token": TOKEN, "webhook_url": "https://bot.example.org:99999/telegram"},
            "WEBHOOK_URL is invalid: expected a URL with a valid port number",
        ),
    ],
)
def test_a_bad_setting_names_the_variable(values: dict[str, object], expected: str) -> None:
    with pytest.raises(ConfigurationError, match=re.escape(expected)):
        _load(**values)


@pytest.mark.parametrize(
    "url",
    [
        "https://bot.example.org/telegram",
        "https://bot.example.org:8443/telegram",
        "https://bot.example.org:88/telegram",
        "http://127.0.0.1:9000/telegram",
    ],
)
def test_a_webhook_url_telegram_posts_to_is_accepted(url: str) -> None:
    assert _load(bot_token=TOKEN, webhook_url=url, webhook_secret="s" * 16).webhook_url == url


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"BOT_TOKEN": "oops"}, "sotong: BOT_TOKEN is invalid"),
        (
            {
                "BOT_TOKEN": TOKEN,
                "WEBHOOK_URL": "https://bot.example.org:8080/telegram",
                "WEBHOOK_SECRET": "webhook-Secret_for-the-tests-only",
            },
            "sotong: WEBHOOK_URL is invalid: expected an https:// URL on port 443, 80, 88 or "
            "8443, not 8080",
        ),
    ],
)
def test_start_up_with_a_bad_setting_prints_one_line_and_exits_2(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected)
    assert "Traceback" not in result.stderr


def _env_example_entries() -> dict[str, str]:
    """Map each variable in .env.example to the comment lines just above it."""
    entries: dict[str, str] = {}
    comment: list[str] = []
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^#?\s*([A-Z][A-Z0-9_]+)=", line):
            entries[match[1]] = " ".join(comment)
            comment = []
        elif line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        else:
            comment = []
    return entries


def test_env_example_documents_every_setting_with_its_description() -> None:
    entries = _env_example_entries()
    for name, field in Settings.model_fields.items():
        assert name.upper() in entries, f"{name.upper()} is missing from .env.example"
        assert field.description is not None
        assert field.description in entries[name.upper()], name
    assert set(entries) == {name.upper() for name in Settings.model_fields}


def test_readme_table_lists_every_setting_with_its_description() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        match[1]: match[2]
        for match in re.finditer(r"^\| `([A-Z][A-Z0-9_]+)` \|[^|]*\| (.+?) \|$", readme, re.M)
    }
    for name, field in Settings.model_fields.items():
        assert name.upper() in rows, f"{name.upper()} is missing from the README table"
        assert rows[name.upper()] == field.description
