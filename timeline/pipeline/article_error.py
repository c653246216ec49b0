"""The error for an article that cannot be read, naming the file and the reason.

Plain Python.
"""

from pathlib import Path


class ArticleError(Exception):
    """An article that cannot be read; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
