"""Words of App Home: the member's view, the admin settings and the modals opened from it."""

MESSAGES = {
    "home.title": {"en": "Our learning memory", "fr": "Notre mémoire collective"},
    "home.intro": {
        "en": "Log what you learn, find what the team already knows, and see where we stand "
        "on each lever.",
        "fr": "Notez ce que vous apprenez, retrouvez ce que l'équipe sait déjà et voyez où "
        "nous en sommes sur chaque levier.",
    },
    "home.log_button": {"en": "Log a learning", "fr": "Noter un apprentissage"},
    "home.search_button": {"en": "Search", "fr": "Rechercher"},
    "home.mine_title": {"en": "Your recent learnings", "fr": "Vos derniers apprentissages"},
    "home.mine_empty": {
        "en": "You have not logged a learning yet. Use *Log a learning* above, or type "
        "`/learning` followed by what you learned in any channel.",
        "fr": "Vous n'avez encore noté aucun apprentissage. Utilisez *Noter un apprentissage* "
        "ci-dessus, ou tapez `/learning` suivi de ce que vous avez appris dans n'importe quel "
        "canal.",
    },
    "home.mine_more": {
        "en": "… and {count} more of yours.",
        "fr": "… et {count} autres de vous.",
    },
    "home.team_title": {
        "en": "The team's latest learnings, by lever",
        "fr": "Les derniers apprentissages de l'équipe, par levier",
    },
    "home.team_empty": {
        "en": "No learning yet under: {levers}.",
        "fr": "Aucun apprentissage pour l'instant pour : {levers}.",
    },
    "home.lever_more": {
        "en": "… and {count} more under {lever}.",
        "fr": "… et {count} autres pour le levier {lever}.",
    },
    "home.item": {
        "en": "{lever} · {date} · {author}\n{quote}",
        "fr": "{lever} · {date} · {author}\n{quote}",
    },
    "home.item_mine": {"en": "{lever} · {date}\n{quote}", "fr": "{lever} · {date}\n{quote}"},
    "home.found_useful": {
        "en": ":+1: you found this useful",
        "fr": ":+1: vous l'avez trouvé utile",
    },
    "home.useful_button": {"en": "Useful", "fr": "Utile"},
    "home.stand_title": {"en": "Where we stand", "fr": "Où nous en sommes"},
    "home.stand_period": {
        "en": "From the check-in of {period}. Only counts and averages of at least {min} "
        "answers are shown.",
        "fr": "D'après le point d'étape {period}. Seuls les effectifs et les moyennes d'au "
        "moins {min} réponses sont affichés.",
    },
    "home.stand_none": {
        "en": "No check-in results yet. Type `/learning checkin` in a channel to ask it "
        "every month where the organisation stands on each lever.",
        "fr": "Pas encore de résultats de point d'étape. Tapez `/learning checkin` dans un "
        "canal pour lui demander chaque mois où en est l'organisation sur chaque levier.",
    },
    "home.cut": {
        "en": "… and {count} more lines not shown here.",
        "fr": "… et {count} autres lignes non affichées ici.",
    },
    "home.settings_title": {"en": "Settings (admins)", "fr": "Réglages (administrateurs)"},
    "home.language": {"en": "*Language*\n{value}", "fr": "*Langue*\n{value}"},
    "home.timezone": {"en": "*Time zone*\n{value}", "fr": "*Fuseau horaire*\n{value}"},
    "home.digest": {"en": "*Digest*\n{value}", "fr": "*Bilan*\n{value}"},
    "home.anonymity": {"en": "*Anonymity*\n{value}", "fr": "*Anonymat*\n{value}"},
    "home.digest_value": {"en": "{cadence} in <#{channel}>", "fr": "{cadence} dans <#{channel}>"},
    "home.digest_off": {"en": "off", "fr": "désactivé"},
    "home.digest_problem": {
        "en": ":warning: I cannot post the digest in <#{channel}> ({reason}): invite me there "
        "with `/invite @learnloop`.",
        "fr": ":warning: Je ne peux pas publier le bilan dans <#{channel}> ({reason}) : "
        "invitez-moi avec `/invite @learnloop`.",
    },
    "home.anonymity_allowed": {
        "en": "People may log learnings anonymously",
        "fr": "Chacun peut noter un apprentissage de façon anonyme",
    },
    "home.anonymity_never": {
        "en": "Every learning names its author",
        "fr": "Chaque apprentissage indique son auteur",
    },
    "home.default_value": {
        "en": "the installation's default",
        "fr": "la valeur par défaut de l'installation",
    },
    "home.settings_button": {"en": "Change settings", "fr": "Modifier les réglages"},
    "home.schedules_title": {"en": "Prompt schedules", "fr": "Calendrier des questions"},
    "home.schedule_line": {
        "en": "<#{channel}> · `{cron}` ({timezone}){state}",
        "fr": "<#{channel}> · `{cron}` ({timezone}){state}",
    },
    "home.schedule_paused": {"en": " · paused ({reason})", "fr": " · en pause ({reason})"},
    "home.schedule_off": {"en": " · off", "fr": " · désactivé"},
    "home.schedules_none": {
        "en": "No channel receives reflection prompts yet.",
        "fr": "Aucun canal ne reçoit encore de questions de réflexion.",
    },
    "home.checkins_title": {"en": "Check-ins", "fr": "Points d'étape"},
    "home.checkin_line": {
        "en": "<#{channel}> · {cadence}{state}",
        "fr": "<#{channel}> · {cadence}{state}",
    },
    "home.checkins_none": {
        "en": "No channel has check-ins yet: type `/learning checkin` in a channel to start "
        "monthly ones.",
        "fr": "Aucun canal n'a encore de points d'étape : tapez `/learning checkin` dans un "
        "canal pour en lancer un chaque mois.",
    },
    "home.list_more": {"en": "… and {count} more.", "fr": "… et {count} autres."},
    "home.coverage_title": {"en": "Knowledge coverage", "fr": "Couverture des connaissances"},
    "home.settings_modal_title": {"en": "Workspace settings", "fr": "Réglages de l'espace"},
    "home.language_label": {"en": "Language", "fr": "Langue"},
    "home.timezone_label": {"en": "Time zone", "fr": "Fuseau horaire"},
    "home.timezone_hint": {
        "en": "An IANA name, for example Europe/Paris or Africa/Dakar.",
        "fr": "Un nom IANA, par exemple Europe/Paris ou Africa/Dakar.",
    },
    "home.digest_channel_label": {"en": "Digest channel", "fr": "Canal du bilan"},
    "home.digest_cadence_label": {"en": "Digest rhythm", "fr": "Rythme du bilan"},
    "home.anonymity_label": {"en": "Anonymous learnings", "fr": "Apprentissages anonymes"},
    "home.bad_timezone": {
        "en": "`{value}` is not a time zone: use an IANA name, for example `Europe/Paris`.",
        "fr": "`{value}` n'est pas un fuseau horaire : utilisez un nom IANA, par exemple "
        "`Europe/Paris`.",
    },
    "home.digest_needs_channel": {
        "en": "Choose the channel the digest goes to, or set the rhythm to off.",
        "fr": "Choisissez le canal où publier le bilan, ou désactivez-le.",
    },
    "home.not_admin": {
        "en": "Only a workspace admin can change these settings.",
        "fr": "Seul un administrateur de l'espace de travail peut modifier ces réglages.",
    },
    "home.search_title": {"en": "Search learnings", "fr": "Rechercher"},
    "home.query_label": {"en": "Words to look for", "fr": "Mots à chercher"},
    "home.search_results": {
        "en": "Learnings matching “{query}” (newest first, at most {limit}):",
        "fr": "Apprentissages correspondant à « {query} » (les plus récents d'abord, {limit} "
        "au plus) :",
    },
    "home.search_none": {
        "en": "Nothing found for “{query}”. Try fewer words, or other ones.",
        "fr": "Rien trouvé pour « {query} ». Essayez avec moins de mots, ou d'autres.",
    },
    "home.search_empty": {
        "en": "Type at least one word to look for, for example `buddy`.",
        "fr": "Tapez au moins un mot à chercher, par exemple `binôme`.",
    },
    "home.searching": {"en": "Searching…", "fr": "Recherche en cours…"},
    "home.close": {"en": "Close", "fr": "Fermer"},
    "home.search_submit": {"en": "Search", "fr": "Rechercher"},
    "home.language_en": {"en": "English", "fr": "English"},
    "home.language_fr": {"en": "Français", "fr": "Français"},
}
