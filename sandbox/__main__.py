"""`python -m sandbox`: see sandbox/cli.py."""

import os
import sys

os.environ.setdefault("PTB_TIMEDELTA", "1")

from sandbox.cli import main

sys.exit(main())
