"""`python -m bot`: see bot/cli.py."""

import os
import sys

os.environ.setdefault("PTB_TIMEDELTA", "1")

from bot.cli import main

sys.exit(main())
