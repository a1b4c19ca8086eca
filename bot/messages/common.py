"""Words shared by several surfaces."""

MESSAGES = {
    "common.anonymous": {"en": "anonymous", "fr": "anonyme"},
    "common.cancel": {"en": "Cancel", "fr": "Annuler"},
    "common.save": {"en": "Save", "fr": "Enregistrer"},
    "common.not_saved": {
        "en": ":warning: That was not saved: the database did not answer. Please try again "
        "in a minute.",
        "fr": ":warning: Rien n'a été enregistré : la base de données n'a pas répondu. "
        "Réessayez dans une minute.",
    },
    "common.error": {
        "en": ":warning: Something went wrong on our side and nothing was changed. "
        "Please try again.",
        "fr": ":warning: Un problème est survenu de notre côté et rien n'a été modifié. "
        "Réessayez, s'il vous plaît.",
    },
    "common.slack_unavailable": {
        "en": ":warning: Slack did not answer just now, so I could not finish this. Nothing was "
        "changed: please try again in a minute.",
        "fr": ":warning: Slack n'a pas répondu à l'instant, je n'ai donc pas pu terminer. Rien "
        "n'a été modifié : réessayez dans une minute.",
    },
    "common.token_team_unknown": {
        "en": "Slack did not say which workspace SLACK_BOT_TOKEN belongs to (auth.test answered "
        "{reason}); nothing was changed. Check SLACK_BOT_TOKEN and try again, or name the "
        "workspace with --team T….",
        "fr": "Slack n'a pas dit à quel espace de travail appartient SLACK_BOT_TOKEN (auth.test "
        "a répondu {reason}) ; rien n'a été modifié. Vérifiez SLACK_BOT_TOKEN et réessayez, ou "
        "indiquez l'espace de travail avec --team T….",
    },
}
