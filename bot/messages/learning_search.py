"""Refusals of what was typed after `/learning search`, `list` and `export`, and how many
results a page says there are when they were not all counted."""

MESSAGES = {
    "search.empty": {
        "en": "Tell me what to look for, for example "
        "`/learning search volunteers lever:onboarding since:2026-01-01`.",
        "fr": "Dites-moi quoi chercher, par exemple "
        "`/learning search bénévoles levier:intégration depuis:2026-01-01`.",
    },
    "search.too_long": {
        "en": "Your search is {length} characters long and the limit is {limit}: look for a "
        "few words, for example `buddy lever:onboarding`.",
        "fr": "Votre recherche fait {length} caractères et la limite est de {limit} : cherchez "
        "quelques mots, par exemple `binôme levier:intégration`.",
    },
    "search.unknown_filter": {
        "en": "`{value}` is not a filter: use lever:, from:, in: or since:, for example "
        "`/learning search budget from:@alice in:#general since:2026-01-01`.",
        "fr": "`{value}` n'est pas un filtre : utilisez levier:, de:, dans: ou depuis:, par "
        "exemple `/learning search budget de:@alice dans:#general depuis:2026-01-01`.",
    },
    "search.empty_filter": {
        "en": "`{value}` needs a value right after the colon, for example `lever:onboarding` "
        "or `since:2026-01-01`.",
        "fr": "`{value}` attend une valeur juste après les deux-points, par exemple "
        "`levier:intégration` ou `depuis:2026-01-01`.",
    },
    "search.unknown_user": {
        "en": "I find nobody called `{value}` here: mention the person, for example `from:@alice`.",
        "fr": "Je ne trouve personne du nom de `{value}` ici : mentionnez la personne, par "
        "exemple `de:@alice`.",
    },
    "search.unknown_channel": {
        "en": "I know no channel called `{value}` (a private one needs me as a member): for "
        "example `in:#general`.",
        "fr": "Je ne connais aucun canal nommé `{value}` (un canal privé doit m'inviter) : par "
        "exemple `dans:#general`.",
    },
    "search.export_words": {
        "en": "An export takes a format and filters, not words such as `{value}`: for example "
        "`/learning export csv lever:onboarding since:2026-01-01`.",
        "fr": "Un export prend un format et des filtres, pas des mots comme `{value}` : par "
        "exemple `/learning export csv levier:intégration depuis:2026-01-01`.",
    },
    "search.results_many": {
        "en": "{first}–{last} of more than {count}",
        "fr": "{first} à {last} sur plus de {count}",
    },
}
