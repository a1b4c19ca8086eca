"""Refusals of bad input, carried as a message key so each surface can say it in its language."""

from __future__ import annotations


class InvalidInput(Exception):
    """User input that was refused; nothing was changed. `key` names the catalogue message."""

    def __init__(self, key: str, field: str | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params
