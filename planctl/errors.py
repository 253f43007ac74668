"""The one exception the CLI turns into a clear message and exit code 1."""


class PlanctlError(Exception):
    """A problem the user can fix; the message says what is wrong and what to do."""
