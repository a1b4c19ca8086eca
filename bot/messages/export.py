"""Words of exports."""

MESSAGES = {
    "export.title": {"en": "What our team learned", "fr": "Ce que notre équipe a appris"},
    "export.empty": {
        "en": "No learnings match yet.",
        "fr": "Aucun apprentissage ne correspond pour l'instant.",
    },
    "export.link": {"en": "message", "fr": "message"},
    "export.several_teams": {
        "en": "This database holds several workspaces ({teams}): name one with --team.",
        "fr": "Cette base contient plusieurs espaces de travail ({teams}) : choisissez-en un "
        "avec --team.",
    },
}
