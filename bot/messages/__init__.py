"""The message catalogue: every word a user sees, in English and French.

Each feature keeps its messages in a module of this package as a `MESSAGES` dict of
key -> {"en": ..., "fr": ...}; `CATALOGUE` merges them and a test checks both languages
carry the same placeholders.
"""

from __future__ import annotations

from importlib import import_module
from pkgutil import iter_modules

from bot.settings import LANGUAGES


def _load() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for module in iter_modules(__path__):
        messages = import_module(f"{__name__}.{module.name}").MESSAGES
        clash = catalogue.keys() & messages.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        catalogue.update(messages)
    return catalogue


CATALOGUE = _load()


def t(key: str, language: str, /, **params: object) -> str:
    """The message `key` in `language` (English when the language is unknown), filled in."""
    entry = CATALOGUE[key]
    text = entry.get(language if language in LANGUAGES else "en", entry["en"])
    return text.format(**params) if params else text
