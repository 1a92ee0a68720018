#!/usr/bin/env python3
"""Bootstrap-and-run for a fresh machine that has nothing but Python 3.11+.

`python3 tasks.py sandbox` starts the offline sandbox, `python3 tasks.py test` runs the whole
suite, `python3 tasks.py run` runs the bot against BOT_API_BASE_URL (a token in `.env`), and
`python3 tasks.py check` runs the linters, the type checker and the import contracts. Each
installs uv (into `.tools/` when it is not on PATH) and the locked dependencies on first use,
then hands over to `uv run`; `test` also installs the browser tests' locked npm packages
(axe-core) with `npm ci` when they are missing or older than their lock file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
BROWSER_TESTS = ROOT / "tests" / "sandbox"


def uv() -> list[str]:
    """Return a command that runs uv, installing it into .tools/ the first time."""
    found = shutil.which("uv")
    if found:
        return [found]
    tool = TOOLS / ("Scripts" if os.name == "nt" else "bin") / "uv"
    if not tool.exists():
        print("Installing uv into .tools/ (first run only)...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(TOOLS)
        pip = TOOLS / ("Scripts" if os.name == "nt" else "bin") / "pip"
        subprocess.run([str(pip), "install", "--quiet", "uv"], check=True)
    return [str(tool)]


def run(*command: str) -> int:
    """Run a command from the project root and return its exit status.

    Ctrl-C reaches the child too, which stops cleanly on it; this wrapper only waits, so it
    ignores the signal instead of dying with a traceback of its own.
    """
    process = subprocess.Popen(command, cwd=ROOT)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def browser_test_packages() -> int:
    """Install the browser tests' npm packages when their lock file is newer than the install.

    Without npm this says so and goes on: the accessibility tests then fail with the same advice.
    """
    installed = BROWSER_TESTS / "node_modules" / ".package-lock.json"
    lock = BROWSER_TESTS / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return 0
    npm = shutil.which("npm")
    if npm is None:
        print("npm is missing: install Node.js and npm for the accessibility test", file=sys.stderr)
        return 0
    return run(npm, "ci", "--prefix", str(BROWSER_TESTS), "--no-audit", "--no-fund", "--silent")


def main(arguments: list[str]) -> int:
    """Dispatch one task."""
    tasks = {
        "sandbox": ["run", "python", "-m", "sandbox"],
        "run": ["run", "python", "-m", "bot"],
        "test": ["run", "pytest"],
        "check": [],
    }
    if not arguments or arguments[0] not in tasks:
        print(__doc__, file=sys.stderr)
        return 2
    task, extra = arguments[0], arguments[1:]
    base = uv()
    status = run(*base, "sync", "--locked", "--quiet")
    if status:
        return status
    if task == "test":
        status = browser_test_packages()
        if status:
            return status
    if task == "check":
        for command in (
            ["ruff", "check", "."],
            ["ruff", "format", "--check", "."],
            ["mypy"],
            ["lint-imports"],
        ):
            status = run(*base, "run", *command)
            if status:
                return status
        return 0
    return run(*base, *tasks[task], *extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
