"""The seven levers of organisational learning: stable ids, names, and how text names them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from bot.errors import InvalidInput


class Lever(StrEnum):
    """A lever's id is stored in the database and never changes."""

    SELF_LEARNING = "self_learning"
    TEAM_LEARNING = "team_learning"
    RETENTION = "retention"
    KNOWLEDGE_TOOLS = "knowledge_tools"
    ONBOARDING = "onboarding"
    DECENTRALISATION = "decentralisation"
    OTHER = "other"


NAMES: dict[Lever, dict[str, str]] = {
    Lever.SELF_LEARNING: {"en": "Self-learning", "fr": "Auto-apprentissage"},
    Lever.TEAM_LEARNING: {"en": "Team learning", "fr": "Apprentissage en équipe"},
    Lever.RETENTION: {"en": "Staff retention", "fr": "Fidélisation du personnel"},
    Lever.KNOWLEDGE_TOOLS: {
        "en": "Tools to store and share information",
        "fr": "Outils de stockage et de partage de l'information",
    },
    Lever.ONBOARDING: {
        "en": "Onboarding newcomers",
        "fr": "Intégration des nouveaux collaborateurs",
    },
    Lever.DECENTRALISATION: {
        "en": "Decentralised decisions",
        "fr": "Décentralisation de la décision",
    },
    Lever.OTHER: {"en": "Something else", "fr": "Autre chose"},
}

EMOJI: dict[Lever, str] = {
    Lever.SELF_LEARNING: ":seedling:",
    Lever.TEAM_LEARNING: ":busts_in_silhouette:",
    Lever.RETENTION: ":anchor:",
    Lever.KNOWLEDGE_TOOLS: ":books:",
    Lever.ONBOARDING: ":wave:",
    Lever.DECENTRALISATION: ":compass:",
    Lever.OTHER: ":sparkles:",
}

# Short names people type as a marker (`/learning onboarding: …`), besides ids and full names.
ALIASES: dict[Lever, tuple[str, ...]] = {
    Lever.SELF_LEARNING: ("self", "self-learning", "autoapprentissage", "auto"),
    Lever.TEAM_LEARNING: ("team", "equipe", "apprentissage-equipe"),
    Lever.RETENTION: ("staff-retention", "fidelisation", "retention-du-personnel"),
    Lever.KNOWLEDGE_TOOLS: ("tools", "knowledge", "outils", "information"),
    Lever.ONBOARDING: ("newcomers", "integration", "accueil"),
    Lever.DECENTRALISATION: ("decentralization", "decisions", "decentralisation", "decision"),
    Lever.OTHER: ("else", "autre", "autre-chose", "something-else"),
}

# Keyword stems, accents folded, for guessing a lever from free text in English or French.
KEYWORDS: dict[Lever, tuple[str, ...]] = {
    Lever.SELF_LEARNING: (
        "course",
        "training",
        "read",
        "book",
        "podcast",
        "skill",
        "self",
        "myself",
        "personal",
        "formation",
        "cours",
        "lecture",
        "livre",
        "competence",
        "autodidact",
        "moi-meme",
        "apprendre seul",
        "mooc",
        "webinar",
        "certification",
    ),
    Lever.TEAM_LEARNING: (
        "team",
        "together",
        "retro",
        "peer",
        "pair",
        "colleague",
        "workshop",
        "share",
        "feedback",
        "equipe",
        "ensemble",
        "collegue",
        "atelier",
        "partage",
        "retour",
        "binome",
        "collectif",
    ),
    Lever.RETENTION: (
        "retention",
        "turnover",
        "leave",
        "left",
        "quit",
        "burnout",
        "salary",
        "wellbeing",
        "motivation",
        "stay",
        "depart",
        "fidelis",
        "epuisement",
        "salaire",
        "bien-etre",
        "demission",
        "rester",
        "garder",
    ),
    Lever.KNOWLEDGE_TOOLS: (
        "wiki",
        "drive",
        "document",
        "tool",
        "notion",
        "sharepoint",
        "folder",
        "archive",
        "database",
        "template",
        "outil",
        "dossier",
        "base de donnees",
        "modele",
        "fichier",
        "stockage",
        "classement",
        "share information",
        "intranet",
    ),
    Lever.ONBOARDING: (
        "onboard",
        "newcomer",
        "new hire",
        "new staff",
        "welcome",
        "induction",
        "volunteer",
        "first day",
        "first week",
        "nouveau",
        "nouvelle",
        "nouveaux",
        "arrivant",
        "accueil",
        "integration",
        "benevole",
        "premier jour",
        "premiere semaine",
    ),
    Lever.DECENTRALISATION: (
        "decision",
        "decide",
        "autonomy",
        "delegate",
        "empower",
        "headquarters",
        "field office",
        "local partner",
        "centralis",
        "decentralis",
        "autonomie",
        "deleg",
        "siege",
        "terrain",
        "partenaire local",
        "arbitrage",
    ),
}


# A keyword matches at the start of a word, so `read` finds `reading` but not `already`.
_KEYWORD_PATTERNS = {
    lever: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keywords)) + ")")
    for lever, keywords in KEYWORDS.items()
}


@dataclass(frozen=True)
class Guess:
    """A lever guessed from text; `confident` is False when nothing in the text pointed to it."""

    lever: Lever
    confident: bool


def fold(text: str) -> str:
    """Lower-case and strip accents, so `Équipe` and `equipe` compare equal."""
    folded = text.casefold()
    if folded.isascii():  # most text: nothing to decompose
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _slug(text: str) -> str:
    return re.sub(r"[\s_'’]+", "-", fold(text).strip()).strip("-")


def _lookup_table() -> dict[str, Lever]:
    table: dict[str, Lever] = {}
    for lever in Lever:
        names = (lever.value, *NAMES[lever].values(), *ALIASES[lever])
        for name in names:
            table[_slug(name)] = lever
    return table


_LOOKUP = _lookup_table()


def find_lever(name: str) -> Lever | None:
    """The lever a name designates (its id, English or French name, or an alias), if any."""
    return _LOOKUP.get(_slug(name.lstrip("#")))


def parse_lever(name: str, field: str = "lever") -> Lever:
    """The lever a name designates, or InvalidInput that lists the levers."""
    lever = find_lever(name)
    if lever is None:
        choices = ", ".join(f"`{lever.value}`" for lever in Lever)
        raise InvalidInput("input.unknown_lever", field=field, value=name[:60], choices=choices)
    return lever


def lever_name(lever: Lever | str, language: str) -> str:
    """The lever's name in a language."""
    return NAMES[Lever(lever)][language]


_MARKER = re.compile(r"^\s*(?:#(?P<tag>[^\s:]+)[:\s]|(?P<name>[^:\n]{1,60}):)\s*", re.UNICODE)


def split_lever_marker(text: str) -> tuple[Lever | None, str]:
    """Take a leading lever marker (`onboarding: …`, `#onboarding …`, `Intégration …: …`) off."""
    match = _MARKER.match(text)
    if match:
        lever = find_lever(match.group("tag") or match.group("name"))
        if lever is not None:
            return lever, text[match.end() :].strip()
    return None, text.strip()


def guess_lever(text: str) -> Guess:
    """The lever whose keywords the text mentions most; `other` when none are mentioned."""
    folded = fold(text)
    scores = {lever: len(pattern.findall(folded)) for lever, pattern in _KEYWORD_PATTERNS.items()}
    best = max(scores, key=lambda lever: scores[lever])
    if scores[best] == 0:
        return Guess(Lever.OTHER, confident=False)
    return Guess(best, confident=True)
