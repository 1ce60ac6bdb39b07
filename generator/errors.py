"""The one error type users see: a single line naming the file, the line and the fix."""

from __future__ import annotations


class BriefingError(Exception):
    """Bad input or configuration. Printed as ``path:line: problem (hint)``, never as a traceback."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}".replace("\n", " ")
