"""Words of the digest, the `learnloop report` and knowledge coverage."""

MESSAGES = {
    "digest.title": {
        "en": "learnloop digest, {start} to {end}",
        "fr": "Bilan learnloop du {start} au {end}",
    },
    "digest.new": {"en": "New learnings: {count}", "fr": "Nouveaux apprentissages : {count}"},
    "digest.lever_line": {"en": "{lever}: {count}", "fr": "{lever} : {count}"},
    "digest.reused": {"en": "Most reused", "fr": "Les plus réutilisés"},
    "digest.reused_note": {
        "en": "A learning is reused when someone other than its author marks it *Useful* "
        "in App Home.",
        "fr": "Un apprentissage est réutilisé quand une autre personne que son auteur le "
        "marque *Utile* dans l'onglet Accueil.",
    },
    "digest.reused_line": {
        "en": "{lever}, reused {count}×: {text}",
        "fr": "{lever}, réutilisé {count} fois : {text}",
    },
    "digest.reused_private": {
        "en": "(a learning from a private conversation)",
        "fr": "(un apprentissage d'une conversation privée)",
    },
    "digest.reused_none": {
        "en": "No learning was marked useful again in this period.",
        "fr": "Aucun apprentissage n'a été marqué utile sur cette période.",
    },
    "digest.actions": {"en": "Retro actions due", "fr": "Actions de rétro à échéance"},
    "digest.action_line": {
        "en": "{text} · {owner} · due {date}{late}",
        "fr": "{text} · {owner} · échéance le {date}{late}",
    },
    "digest.action_late": {"en": " · overdue", "fr": " · en retard"},
    "digest.actions_none": {
        "en": "No open retro action is due in the next {days} days.",
        "fr": "Aucune action de rétro ouverte n'arrive à échéance dans les {days} prochains jours.",
    },
    "digest.retros": {"en": "Retros held: {count}", "fr": "Rétrospectives tenues : {count}"},
    "digest.stand": {"en": "Where we stand", "fr": "Où nous en sommes"},
    "digest.stand_line": {
        "en": "{lever}: {average} / 4 ({answers} answers){trend}",
        "fr": "{lever} : {average} / 4 ({answers} réponses){trend}",
    },
    "digest.stand_trend": {"en": ", was {previous}", "fr": ", contre {previous} avant"},
    "digest.stand_hidden": {
        "en": "{lever}: fewer than {min} answers, not shown",
        "fr": "{lever} : moins de {min} réponses, non affiché",
    },
    "digest.stand_period": {
        "en": "Latest check-in: {period}.",
        "fr": "Dernier point d'étape : {period}.",
    },
    "digest.stand_none": {
        "en": "No check-in has closed yet.",
        "fr": "Aucun point d'étape n'est encore clos.",
    },
    "digest.coverage": {"en": "Knowledge coverage", "fr": "Couverture des connaissances"},
    "digest.comments": {
        "en": "Check-in comments (no names)",
        "fr": "Commentaires des points d'étape (sans noms)",
    },
    "digest.no_chart": {
        "en": "No chart this time: there were no learnings in the last {weeks} weeks and no "
        "check-in results to draw.",
        "fr": "Pas de graphique cette fois : aucun apprentissage ces {weeks} dernières "
        "semaines et aucun résultat de point d'étape à représenter.",
    },
    "digest.chart_title": {
        "en": "learnloop, {start} to {end}",
        "fr": "learnloop, du {start} au {end}",
    },
    "digest.chart_weeks": {
        "en": "Learnings per lever, last {weeks} weeks",
        "fr": "Apprentissages par levier, {weeks} dernières semaines",
    },
    "digest.chart_week_axis": {"en": "Week starting", "fr": "Semaine du"},
    "digest.chart_count_axis": {"en": "Learnings", "fr": "Apprentissages"},
    "digest.chart_stand": {
        "en": "Where we stand, check-in {period} (average from 1 to 4)",
        "fr": "Où nous en sommes, point d'étape {period} (moyenne de 1 à 4)",
    },
    "digest.chart_no_learnings": {
        "en": "No learnings in these weeks",
        "fr": "Aucun apprentissage ces semaines-là",
    },
    "digest.chart_no_stand": {
        "en": "No check-in result with at least {min} answers yet",
        "fr": "Pas encore de résultat de point d'étape avec au moins {min} réponses",
    },
    "digest.chart_hidden": {"en": "fewer than {min} answers", "fr": "moins de {min} réponses"},
    "digest.chart_alt": {
        "en": "Chart: learnings per lever over the last weeks, and where we stand on each lever",
        "fr": "Graphique : apprentissages par levier ces dernières semaines, et où nous en "
        "sommes sur chaque levier",
    },
    "digest.set": {
        "en": "The digest will be posted in this channel {cadence} ({when}).",
        "fr": "Le bilan sera publié dans ce canal {cadence} ({when}).",
    },
    "digest.when_weekly": {
        "en": "Mondays at {hour}:00, about the week before",
        "fr": "le lundi à {hour} h, sur la semaine écoulée",
    },
    "digest.when_monthly": {
        "en": "on the 1st at {hour}:00, about the month before",
        "fr": "le 1er du mois à {hour} h, sur le mois écoulé",
    },
    "digest.weekly": {"en": "every week", "fr": "chaque semaine"},
    "digest.monthly": {"en": "every month", "fr": "chaque mois"},
    "digest.turned_off": {"en": "The digest is off.", "fr": "Le bilan est désactivé."},
    "digest.usage": {
        "en": "• `/learning digest [weekly|monthly|off]` — admins: posts the team's digest, "
        "with its chart, in this channel",
        "fr": "• `/learning digest [weekly|monthly|off]` — administrateurs : publie le bilan de "
        "l'équipe, avec son graphique, dans ce canal",
    },
    "digest.admin_only": {
        "en": "Only a workspace admin can choose where the digest goes.",
        "fr": "Seul un administrateur de l'espace de travail peut choisir où publier le bilan.",
    },
    "digest.bad_cadence": {
        "en": "`{value}` is not a digest rhythm: use weekly, monthly or off, for example "
        "`/learning digest weekly`.",
        "fr": "`{value}` n'est pas un rythme de bilan : utilisez weekly, monthly ou off (ou "
        "hebdomadaire, mensuel, arrêt), par exemple `/learning digest hebdomadaire`.",
    },
    "digest.not_member": {
        "en": ":warning: I am not a member of <#{channel}>, so I cannot post the digest there. "
        "Invite me with `/invite @learnloop` in that channel.",
        "fr": ":warning: Je ne suis pas membre de <#{channel}>, je ne peux donc pas y publier "
        "le bilan. Invitez-moi avec `/invite @learnloop` dans ce canal.",
    },
    "digest.cannot_post": {
        "en": ":warning: The digest could not be posted in <#{channel}> ({reason}). Invite me "
        "there with `/invite @learnloop`, or choose another channel in App Home.",
        "fr": ":warning: Le bilan n'a pas pu être publié dans <#{channel}> ({reason}). "
        "Invitez-moi avec `/invite @learnloop`, ou choisissez un autre canal dans l'onglet "
        "Accueil.",
    },
    "digest.chart_file_title": {"en": "learnloop chart", "fr": "Graphique learnloop"},
    "report.title": {
        "en": "learnloop report, {start} to {end}",
        "fr": "Rapport learnloop du {start} au {end}",
    },
    "report.several_teams": {
        "en": "This database holds several workspaces ({teams}): name one with --team.",
        "fr": "Cette base contient plusieurs espaces de travail ({teams}) : choisissez-en un "
        "avec --team.",
    },
    "report.unknown_format": {
        "en": "`{value}` is not a report format: use md or html, for example `--format html`.",
        "fr": "`{value}` n'est pas un format de rapport : utilisez md ou html, par exemple "
        "`--format html`.",
    },
    "report.written": {"en": "Wrote {files}", "fr": "Écrit : {files}"},
    "coverage.stale": {
        "en": "{lever}: no learning in the last {days} days (the last on {date})",
        "fr": "{lever} : aucun apprentissage depuis {days} jours (le dernier le {date})",
    },
    "coverage.never": {"en": "{lever}: no learning yet", "fr": "{lever} : aucun apprentissage"},
    "coverage.thin": {
        "en": "{lever}: fewer than {few} learnings so far ({count})",
        "fr": "{lever} : moins de {few} apprentissages pour l'instant ({count})",
    },
    "coverage.sole": {
        "en": "{topic}: all {count} learnings come from one person",
        "fr": "{topic} : les {count} apprentissages viennent tous d'une seule personne",
    },
    "coverage.sole_named": {
        "en": "{topic}: all {count} learnings come from {person}",
        "fr": "{topic} : les {count} apprentissages viennent tous de {person}",
    },
    "coverage.levers": {
        "en": "Levers with few or stale learnings",
        "fr": "Leviers avec peu d'apprentissages, ou aucun de récent",
    },
    "coverage.topics": {
        "en": "Topics held by one person only",
        "fr": "Sujets portés par une seule personne",
    },
    "coverage.all_good": {
        "en": "Every lever has recent learnings, and no topic rests on one person.",
        "fr": "Chaque levier a des apprentissages récents, et aucun sujet ne repose sur une "
        "seule personne.",
    },
    "coverage.more": {"en": "… and {count} more.", "fr": "… et {count} autres."},
}
