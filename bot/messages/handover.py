"""Words of departures: `/learning handover`, the debrief, successors, deactivated members."""

MESSAGES = {
    "handover.usage": {
        "en": "Name the person who is leaving, for example `/learning handover @maria`, and if "
        "you like their successor: `/learning handover @maria @tom`.",
        "fr": "Indiquez la personne qui part, par exemple `/learning handover @maria`, et si "
        "vous le souhaitez qui lui succède : `/learning handover @maria @tom`.",
    },
    "handover.unknown_person": {
        "en": "I could not find `{value}` in this workspace: mention them with @, for example "
        "`/learning handover @maria`.",
        "fr": "Je ne trouve pas `{value}` dans cet espace de travail : mentionnez la personne "
        "avec @, par exemple `/learning handover @maria`.",
    },
    "handover.not_allowed": {
        "en": "Only an admin, or <@{user}> themself, can start their handover.",
        "fr": "Seul un administrateur, ou <@{user}> en personne, peut lancer sa passation.",
    },
    "handover.cannot_dm": {
        "en": "I could not send <@{user}> a direct message (`{error}`), so nothing was started.",
        "fr": "Je n'ai pas pu écrire à <@{user}> en message direct (`{error}`) : rien n'a été "
        "lancé.",
    },
    "handover.started": {
        "en": ":outbox_tray: I sent <@{user}> a short debrief by direct message. Their answers "
        "will be kept as learnings in their name.",
        "fr": ":outbox_tray: J'ai envoyé à <@{user}> un court débrief en message direct. Ses "
        "réponses seront gardées comme apprentissages à son nom.",
    },
    "handover.dm": {
        "en": ":wave: <@{user}>, before you go: <@{requester}> asked me to keep what you know, "
        "so that the team does not lose it. Four short questions: what only you know, who to "
        "ask, where things live, and which decisions are unfinished. Your answers become "
        "learnings in your name.",
        "fr": ":wave: <@{user}>, avant votre départ : <@{requester}> m'a demandé de garder ce "
        "que vous savez, pour que l'équipe ne le perde pas. Quatre courtes questions : ce que "
        "vous seul savez, qui solliciter, où se trouvent les choses et quelles décisions "
        "restent en suspens. Vos réponses deviendront des apprentissages à votre nom.",
    },
    "handover.dm_button": {"en": "Answer the debrief", "fr": "Répondre au débrief"},
    "handover.modal_title": {"en": "Handover", "fr": "Passation"},
    "handover.q.only_you": {
        "en": "What do only you know?",
        "fr": "Que savez-vous que personne d'autre ne sait ?",
    },
    "handover.q.who_to_ask": {
        "en": "Who should people ask, and about what?",
        "fr": "Qui faut-il solliciter, et pour quoi ?",
    },
    "handover.q.where": {
        "en": "Where do things live (files, tools, contacts)?",
        "fr": "Où se trouvent les choses (fichiers, outils, contacts) ?",
    },
    "handover.q.decisions": {
        "en": "Which decisions are unfinished?",
        "fr": "Quelles décisions restent en suspens ?",
    },
    "handover.empty": {
        "en": "Answer at least one question.",
        "fr": "Répondez à au moins une question.",
    },
    "handover.not_yours": {
        "en": "This debrief was meant for someone else.",
        "fr": "Ce débrief était destiné à quelqu'un d'autre.",
    },
    "handover.thanks": {
        "en": ":pray: Thank you. What you wrote is saved in your name among the team's learnings.",
        "fr": ":pray: Merci. Ce que vous avez écrit est enregistré à votre nom parmi les "
        "apprentissages de l'équipe.",
    },
    "handover.answered": {
        "en": ":white_check_mark: <@{user}> answered the handover debrief. Answers saved as "
        "learnings: {count}.",
        "fr": ":white_check_mark: <@{user}> a répondu au débrief de passation. Réponses "
        "enregistrées comme apprentissages : {count}.",
    },
    "handover.successor_prompt": {
        "en": "Who takes over the open actions of <@{user}>?",
        "fr": "Qui reprend les actions en cours de <@{user}> ?",
    },
    "handover.successor_placeholder": {"en": "Choose a successor", "fr": "Choisir qui succède"},
    "handover.moved": {
        "en": ":arrows_counterclockwise: Open actions moved from <@{user}> to <@{successor}>: "
        "{count}.",
        "fr": ":arrows_counterclockwise: Actions en cours passées de <@{user}> à "
        "<@{successor}> : {count}.",
    },
    "handover.admins_only": {
        "en": "Only an admin can name a successor.",
        "fr": "Seul un administrateur peut désigner qui succède.",
    },
    "handover.departed": {
        "en": ":wave: <@{user}> was deactivated. So that nothing they carried is orphaned, here "
        "is what they leave behind.",
        "fr": ":wave: Le compte de <@{user}> a été désactivé. Pour que rien de ce que cette "
        "personne portait ne reste orphelin, voici ce qu'elle laisse derrière elle.",
    },
    "handover.departed_actions": {"en": "*Open actions*", "fr": "*Actions en cours*"},
    "handover.departed_no_actions": {
        "en": "No open retro actions.",
        "fr": "Aucune action de rétrospective en cours.",
    },
    "handover.departed_learnings": {
        "en": "*Learnings nobody else wrote in their levers*: ask someone to carry these on.",
        "fr": "*Apprentissages sans autre auteur dans leurs leviers* : demandez à quelqu'un "
        "de les reprendre.",
    },
    "handover.departed_no_learnings": {
        "en": "Every lever they wrote in has other authors.",
        "fr": "Chaque levier où cette personne a écrit compte d'autres auteurs.",
    },
    "handover.more": {"en": "… and {count} more.", "fr": "… et {count} de plus."},
}
