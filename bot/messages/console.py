"""Words Slack's own client shows around an app's modals, as `learnloop console` shows them."""

MESSAGES = {
    "console.optional": {"en": "(optional)", "fr": "(facultatif)"},
    "console.cancel": {"en": "Cancel", "fr": "Annuler"},
    "console.required": {
        "en": "Please complete this required field.",
        "fr": "Veuillez remplir ce champ obligatoire.",
    },
    "console.too_short": {
        "en": "Please enter at least {limit} characters.",
        "fr": "Veuillez saisir au moins {limit} caractères.",
    },
    "console.too_long": {
        "en": "Please enter no more than {limit} characters.",
        "fr": "Veuillez ne pas dépasser {limit} caractères.",
    },
}
