"""Words of exports."""

MESSAGES = {
    "export.title": {"en": "What our team learned", "fr": "Ce que notre équipe a appris"},
    "export.empty": {
        "en": "No learnings match yet.",
        "fr": "Aucun apprentissage ne correspond pour l'instant.",
    },
    "export.link": {"en": "message", "fr": "message"},
    "export.count": {
        "en": "Learnings: {count}, grouped by lever, oldest first.",
        "fr": "Apprentissages : {count}, regroupés par levier, du plus ancien au plus récent.",
    },
    "export.tags": {"en": "Tags:", "fr": "Étiquettes :"},
    "export.several_teams": {
        "en": "This database holds several workspaces ({teams}): name one with --team.",
        "fr": "Cette base contient plusieurs espaces de travail ({teams}) : choisissez-en un "
        "avec --team.",
    },
}
