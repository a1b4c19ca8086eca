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
    "input.unknown_format": {
        "en": "`{value}` is not an export format: use csv, md or json, for example `csv`.",
        "fr": "`{value}` n'est pas un format d'export : utilisez csv, md ou json, par exemple "
        "`csv`.",
    },
}
