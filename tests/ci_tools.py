"""What the end-to-end tests do when a tool they need is missing.

Outside CI a test may skip, saying what is missing. Under CI=true (set by
.ci/run and by CI services) nothing may skip for a missing tool: the same
call fails the test and names the tool, so a CI run that passes has run
every check. scripts/install-deps.sh installs every such tool.
"""
import os


def under_ci():
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


class MissingTool(AssertionError):
    """A tool a test needs is missing under CI=true."""


def skip_reason(what):
    """The text to skip with because `what` is missing; under CI=true, raises
    MissingTool instead (a failure, not a skip)."""
    if under_ci():
        raise MissingTool(f"{what}; CI=true: no test may skip (run scripts/install-deps.sh)")
    return f"skipped: {what}"
