"""Hypothesis profiles for the hostile suite: modest and repeatable in CI, deeper on demand.

`HYPOTHESIS_PROFILE=deep python3 tasks.py test` (or pytest) explores far more, randomly.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# One running bot serves every example of a test: that is what makes the suite affordable,
# and why the function-scoped fixture health check is off.
_SHARED = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("ci", max_examples=10, derandomize=True, **_SHARED)
settings.register_profile("deep", max_examples=300, **_SHARED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
