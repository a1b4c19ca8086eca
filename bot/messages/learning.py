"""Words of `/learning`."""

MESSAGES = {
    "learning.saved": {
        "en": ":white_check_mark: Saved as learning #{id} under *{lever}*.\n{quote}",
        "fr": ":white_check_mark: Enregistré comme apprentissage n°{id}, levier *{lever}*.\n"
        "{quote}",
    },
    "learning.saved_guessed": {
        "en": ":white_check_mark: Saved as learning #{id}. I guessed the lever *{lever}*; "
        "change it below if it is not right.\n{quote}",
        "fr": ":white_check_mark: Enregistré comme apprentissage n°{id}. J'ai deviné le levier "
        "*{lever}* ; changez-le ci-dessous s'il ne convient pas.\n{quote}",
    },
    "learning.lever_menu": {"en": "Lever", "fr": "Levier"},
    "learning.lever_changed": {
        "en": ":white_check_mark: Learning #{id} is now under *{lever}*.\n{quote}",
        "fr": ":white_check_mark: L'apprentissage n°{id} relève maintenant du levier *{lever}*.\n"
        "{quote}",
    },
    "learning.empty": {
        "en": "Write what you learned after the command, for example:\n"
        "`/learning onboarding: pair each newcomer with a buddy for their first week`",
        "fr": "Écrivez ce que vous avez appris après la commande, par exemple :\n"
        "`/learning intégration : associer chaque nouvel arrivant à un binôme la première "
        "semaine`",
    },
    "learning.too_long": {
        "en": "That learning is {length} characters long and the limit is {limit}: "
        "nothing was saved. Shorten it, or split it into two learnings.",
        "fr": "Cet apprentissage fait {length} caractères et la limite est de {limit} : "
        "rien n'a été enregistré. Raccourcissez-le ou faites-en deux apprentissages.",
    },
    "learning.not_found": {
        "en": "Learning #{id} was not found; it may have been deleted.",
        "fr": "L'apprentissage n°{id} est introuvable ; il a peut-être été supprimé.",
    },
    "learning.not_yours": {
        "en": "Only the author of learning #{id} or an admin can change it.",
        "fr": "Seul l'auteur de l'apprentissage n°{id} ou un administrateur peut le modifier.",
    },
}
