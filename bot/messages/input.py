"""Refusals of bad input shared by Slack and the CLI."""

MESSAGES = {
    "input.bad_date": {
        "en": "`{value}` is not a date: write it as YYYY-MM-DD, for example `2026-09-01`.",
        "fr": "`{value}` n'est pas une date : écrivez-la AAAA-MM-JJ, par exemple `2026-09-01`.",
    },
    "input.unknown_lever": {
        "en": "`{value}` is not a lever. The levers are: {choices}. For example `onboarding`.",
        "fr": "`{value}` n'est pas un levier. Les leviers sont : {choices}. Par exemple "
        "`onboarding`.",
    },
    "input.too_long": {
        "en": "This is {length} characters long and the limit is {limit}: shorten it.",
        "fr": "Ce texte fait {length} caractères et la limite est de {limit} : raccourcissez-le.",
    },
    "input.timezone_too_long": {
        "en": "A time zone name has at most {limit} characters (this one has {length}): use an "
        "IANA name, for example `Europe/Paris`.",
        "fr": "Un nom de fuseau horaire compte au plus {limit} caractères (celui-ci en a "
        "{length}) : utilisez un nom IANA, par exemple `Europe/Paris`.",
    },
    "input.unknown_format": {
        "en": "`{value}` is not an export format: use csv, md or json, for example `csv`.",
        "fr": "`{value}` n'est pas un format d'export : utilisez csv, md ou json, par exemple "
        "`csv`.",
    },
}
