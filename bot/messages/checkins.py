"""Words of the "where do we stand" check-ins."""

MESSAGES = {
    "checkin.title": {
        "en": "Where does our organisation stand?",
        "fr": "Où en est notre organisation ?",
    },
    "checkin.intro": {
        "en": "Check-in {period}. For each lever, pick the step that fits best. Answers "
        "are anonymous: only counts and averages are shown, once the check-in closes, and "
        "only for levers with at least {min} answers. You can change your answer until {end}.",
        "fr": "Point d'étape {period}. Pour chaque levier, choisissez l'étape qui convient le "
        "mieux. Les réponses sont anonymes : seuls les effectifs et les moyennes sont "
        "affichés, à la clôture, et seulement pour les leviers qui ont au moins {min} "
        "réponses. Vous pouvez changer de réponse jusqu'au {end}.",
    },
    "checkin.period": {"en": "from {start} to {end}", "fr": "du {start} au {end}"},
    "checkin.level_1": {"en": "Not started", "fr": "Pas commencé"},
    "checkin.level_2": {"en": "First steps", "fr": "Premiers pas"},
    "checkin.level_3": {"en": "Practised in places", "fr": "Pratiqué par endroits"},
    "checkin.level_4": {"en": "Part of how we work", "fr": "Ancré dans nos pratiques"},
    "checkin.comment_button": {"en": "Add a comment", "fr": "Ajouter un commentaire"},
    "checkin.saved": {
        "en": "Saved: *{level}* for {lever}. You can change it until {end}; no one sees "
        "who answered what.",
        "fr": "Enregistré : *{level}* pour {lever}. Vous pouvez le changer jusqu'au {end} ; "
        "personne ne voit qui a répondu quoi.",
    },
    "checkin.closed_answer": {
        "en": "This check-in is closed: it no longer takes answers. The next one will come "
        "in due time.",
        "fr": "Ce point d'étape est clos : il n'accepte plus de réponses. Le prochain viendra "
        "en temps voulu.",
    },
    "checkin.closed_note": {
        "en": "This check-in closed on {date}; its results are in the thread.",
        "fr": "Ce point d'étape a été clos le {date} ; ses résultats sont dans le fil.",
    },
    "checkin.results_title": {
        "en": "Results of the check-in {period}",
        "fr": "Résultats du point d'étape {period}",
    },
    "checkin.result_line": {
        "en": "{lever}: *{average}* / 4 from {answers} answers ({counts})",
        "fr": "{lever} : *{average}* / 4 sur {answers} réponses ({counts})",
    },
    "checkin.result_hidden": {
        "en": "{lever}: fewer than {min} answers, not shown.",
        "fr": "{lever} : moins de {min} réponses, non affiché.",
    },
    "checkin.count": {"en": "{level} {count}", "fr": "{level} {count}"},
    "checkin.no_answers": {
        "en": "No one answered this check-in, so there is nothing to show.",
        "fr": "Personne n'a répondu à ce point d'étape : il n'y a rien à afficher.",
    },
    "checkin.too_few": {
        "en": "No lever had at least {min} answers, so no result is shown: this keeps "
        "answers anonymous.",
        "fr": "Aucun levier n'a reçu au moins {min} réponses : aucun résultat n'est affiché, "
        "pour préserver l'anonymat.",
    },
    "checkin.pick_level": {
        "en": "Pick the step that fits best, for example *First steps*.",
        "fr": "Choisissez l'étape qui convient le mieux, par exemple *Premiers pas*.",
    },
    "checkin.usage": {
        "en": "• `/learning checkin [weekly|monthly|quarterly|off]` — asks this channel where "
        "the organisation stands on each lever (monthly by default)",
        "fr": "• `/learning checkin [weekly|monthly|quarterly|off]` — demande à ce canal où en "
        "est l'organisation sur chaque levier (chaque mois par défaut)",
    },
    "checkin.modal_title": {"en": "Where we stand", "fr": "Où en sommes-nous ?"},
    "checkin.level_label": {
        "en": "Where does our organisation stand on {lever}?",
        "fr": "Où en est notre organisation sur le levier {lever} ?",
    },
    "checkin.comment_label": {"en": "Comment (optional)", "fr": "Commentaire (facultatif)"},
    "checkin.comment_hint": {
        "en": "Kept without your name; it appears only in the admins' report.",
        "fr": "Conservé sans votre nom ; il n'apparaît que dans le rapport des administrateurs.",
    },
    "checkin.turned_on": {
        "en": "Check-ins are on in this channel, {cadence}. The poll for the current period "
        "is posted within a minute; results are shown when it closes.",
        "fr": "Les points d'étape sont activés dans ce canal, {cadence}. Le sondage de la "
        "période en cours arrive d'ici une minute ; les résultats sont affichés à sa clôture.",
    },
    "checkin.turned_off": {
        "en": "Check-ins are off in this channel. Past results are kept.",
        "fr": "Les points d'étape sont désactivés dans ce canal. Les résultats passés sont "
        "conservés.",
    },
    "checkin.weekly": {"en": "every week", "fr": "chaque semaine"},
    "checkin.monthly": {"en": "every month", "fr": "chaque mois"},
    "checkin.quarterly": {"en": "every quarter", "fr": "chaque trimestre"},
    "checkin.off": {"en": "off", "fr": "désactivé"},
    "checkin.paused": {"en": " · paused ({reason})", "fr": " · en pause ({reason})"},
    "checkin.bad_cadence": {
        "en": "`{value}` is not a rhythm: use weekly, monthly, quarterly or off, for example "
        "`/learning checkin monthly`.",
        "fr": "`{value}` n'est pas un rythme : utilisez weekly, monthly, quarterly ou off "
        "(ou hebdomadaire, mensuel, trimestriel, arrêt), par exemple "
        "`/learning checkin mensuel`.",
    },
    "checkin.comment_too_long": {
        "en": "Your comment is {length} characters long and the limit is {limit}: keep the gist.",
        "fr": "Votre commentaire fait {length} caractères et la limite est de {limit} : "
        "gardez l'essentiel.",
    },
    "checkin.not_allowed": {
        "en": "Only a workspace admin or <@{user}>, who set up check-ins here, can change them.",
        "fr": "Seul un administrateur de l'espace ou <@{user}>, qui a mis en place les points "
        "d'étape ici, peut les modifier.",
    },
    "checkin.not_in_channel": {
        "en": ":warning: I am not a member of this channel, so I cannot post check-ins here. "
        "Invite me with `/invite @learnloop`; the poll follows within a minute.",
        "fr": ":warning: Je ne suis pas membre de ce canal, je ne peux donc pas y publier de "
        "points d'étape. Invitez-moi avec `/invite @learnloop` ; le sondage suivra d'ici une "
        "minute.",
    },
    "checkin.paused_dm": {
        "en": ":warning: Check-ins in <#{channel}> are paused: I could not post there "
        "({reason}). Invite me back with `/invite @learnloop`, then type `/learning checkin` "
        "in that channel to start again.",
        "fr": ":warning: Les points d'étape de <#{channel}> sont en pause : je n'ai pas pu y "
        "publier ({reason}). Invitez-moi de nouveau avec `/invite @learnloop`, puis tapez "
        "`/learning checkin` dans ce canal pour les relancer.",
    },
}
