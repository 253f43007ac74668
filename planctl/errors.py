"""The exceptions the CLI turns into one clear line on stderr."""


class PlanctlError(Exception):
    """A problem the user can fix; the message says what is wrong and what to do. Exit code 1."""

    exit_code = 1


class PlanctlUsageError(PlanctlError):
    """The command asked for something that does not exist (a theme, a place). Exit code 2."""

    exit_code = 2
