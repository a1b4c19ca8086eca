"""Words of reflection prompts: the questions per lever, the prompt, settings and refusals."""

# The five questions a team asks itself about each lever (why, actions, results, next steps,
# where we stand), then one about what holds learning back, shared by every lever.
QUESTIONS = {
    "prompts.q.self_learning.why": {
        "en": "Why did we make self-learning a priority? Is that reason still true today?",
        "fr": "Pourquoi avons-nous fait de l'auto-apprentissage une priorité ? Cette raison "
        "tient-elle toujours ?",
    },
    "prompts.q.self_learning.actions": {
        "en": "What do we concretely do so that each of us keeps learning on our own: time set "
        "aside, courses, reading, a budget?",
        "fr": "Que faisons-nous concrètement pour que chacun continue d'apprendre par lui-même : "
        "du temps réservé, des formations, des lectures, un budget ?",
    },
    "prompts.q.self_learning.results": {
        "en": "What did you learn on your own lately that changed how you work? And what held "
        "you back?",
        "fr": "Qu'avez-vous appris par vous-même récemment qui a changé votre façon de "
        "travailler ? Et qu'est-ce qui vous a freiné ?",
    },
    "prompts.q.self_learning.next_steps": {
        "en": "What would be our next step to make self-learning easier here?",
        "fr": "Quelle serait la prochaine étape pour faciliter l'auto-apprentissage chez nous ?",
    },
    "prompts.q.self_learning.standing": {
        "en": "Where does our organisation stand on self-learning: just starting, on its way, or "
        "well established? What makes you say so?",
        "fr": "Où en est notre organisation sur l'auto-apprentissage : on démarre, on avance, ou "
        "c'est bien installé ? Qu'est-ce qui vous fait dire ça ?",
    },
    "prompts.q.team_learning.why": {
        "en": "Why did we make learning as a team a priority? Is it still the right call?",
        "fr": "Pourquoi avons-nous fait de l'apprentissage en équipe une priorité ? Est-ce "
        "toujours le bon choix ?",
    },
    "prompts.q.team_learning.actions": {
        "en": "What do we actually do to learn together: retrospectives, peer reviews, shared "
        "workshops?",
        "fr": "Que faisons-nous concrètement pour apprendre ensemble : rétrospectives, "
        "relectures entre collègues, ateliers partagés ?",
    },
    "prompts.q.team_learning.results": {
        "en": "Tell us about a recent time the team learned something together that one person "
        "alone would have missed. What got in the way?",
        "fr": "Racontez une fois récente où l'équipe a appris ensemble quelque chose qu'une "
        "personne seule n'aurait pas vu. Qu'est-ce qui a coincé ?",
    },
    "prompts.q.team_learning.next_steps": {
        "en": "What is our next step to learn more from each other?",
        "fr": "Quelle est notre prochaine étape pour apprendre davantage les uns des autres ?",
    },
    "prompts.q.team_learning.standing": {
        "en": "Where do we stand on team learning: do we share what we learn, or does it stay "
        "in people's heads?",
        "fr": "Où en sommes-nous de l'apprentissage en équipe : partageons-nous ce que nous "
        "apprenons, ou est-ce que ça reste dans la tête de chacun ?",
    },
    "prompts.q.retention.why": {
        "en": "Why did we make keeping our staff a priority? What does it cost us when someone "
        "leaves?",
        "fr": "Pourquoi avons-nous fait de la fidélisation du personnel une priorité ? Que nous "
        "coûte le départ d'une personne ?",
    },
    "prompts.q.retention.actions": {
        "en": "What are we concretely doing so that people want to stay: workload, recognition, "
        "career paths, wellbeing?",
        "fr": "Que faisons-nous concrètement pour que les gens aient envie de rester : charge de "
        "travail, reconnaissance, perspectives d'évolution, bien-être ?",
    },
    "prompts.q.retention.results": {
        "en": "What helped someone stay, or pushed someone to leave? What did we learn from it?",
        "fr": "Qu'est-ce qui a aidé quelqu'un à rester, ou au contraire l'a poussé à partir ? "
        "Qu'en avons-nous appris ?",
    },
    "prompts.q.retention.next_steps": {
        "en": "What one change would make people more likely to stay?",
        "fr": "Quel changement donnerait davantage envie aux gens de rester ?",
    },
    "prompts.q.retention.standing": {
        "en": "Where does our organisation stand on staff retention? What would a newcomer "
        "notice first?",
        "fr": "Où en est notre organisation sur la fidélisation du personnel ? Qu'est-ce qu'un "
        "nouvel arrivant remarquerait en premier ?",
    },
    "prompts.q.knowledge_tools.why": {
        "en": "Why did we make our tools to store and share information a priority? What were "
        "we losing without them?",
        "fr": "Pourquoi avons-nous fait de nos outils de stockage et de partage de l'information "
        "une priorité ? Que perdions-nous sans eux ?",
    },
    "prompts.q.knowledge_tools.actions": {
        "en": "What do we concretely do to keep information easy to find: shared drive, wiki, "
        "templates, naming rules?",
        "fr": "Que faisons-nous concrètement pour que l'information se retrouve facilement : "
        "drive partagé, wiki, modèles, règles de nommage ?",
    },
    "prompts.q.knowledge_tools.results": {
        "en": "When did our tools save the day lately? And when could we not find something we "
        "knew we had?",
        "fr": "Quand nos outils nous ont-ils tirés d'affaire dernièrement ? Et quand n'avons-nous "
        "pas retrouvé quelque chose que nous savions avoir ?",
    },
    "prompts.q.knowledge_tools.next_steps": {
        "en": "What is the next step to make our information easier to find and to share?",
        "fr": "Quelle est la prochaine étape pour rendre notre information plus facile à "
        "retrouver et à partager ?",
    },
    "prompts.q.knowledge_tools.standing": {
        "en": "Where do we stand: if someone left tomorrow, could we still find what they know?",
        "fr": "Où en sommes-nous : si quelqu'un partait demain, retrouverait-on ce qu'il sait ?",
    },
    "prompts.q.onboarding.why": {
        "en": "Why did we make onboarding newcomers a priority? What happens when it goes wrong?",
        "fr": "Pourquoi avons-nous fait de l'intégration des nouveaux collaborateurs une "
        "priorité ? Que se passe-t-il quand elle est ratée ?",
    },
    "prompts.q.onboarding.actions": {
        "en": "What do we concretely do to welcome newcomers: a buddy, a reading list, a plan "
        "for the first week?",
        "fr": "Que faisons-nous concrètement pour accueillir les nouveaux : un binôme, des "
        "documents à lire, un programme pour la première semaine ?",
    },
    "prompts.q.onboarding.results": {
        "en": "Think of the last person who joined: what helped them most, and what did they "
        "have to figure out alone?",
        "fr": "Pensez à la dernière personne arrivée : qu'est-ce qui l'a le plus aidée, et "
        "qu'a-t-elle dû découvrir seule ?",
    },
    "prompts.q.onboarding.next_steps": {
        "en": "What should we add or change before the next person joins?",
        "fr": "Que devrions-nous ajouter ou changer avant la prochaine arrivée ?",
    },
    "prompts.q.onboarding.standing": {
        "en": "Where does our organisation stand on onboarding: how long does a newcomer take "
        "to feel useful?",
        "fr": "Où en est notre organisation sur l'intégration : combien de temps faut-il à un "
        "nouvel arrivant pour se sentir utile ?",
    },
    "prompts.q.decentralisation.why": {
        "en": "Why did we make decentralised decisions a priority? Which decisions should be "
        "taken closer to the field?",
        "fr": "Pourquoi avons-nous fait de la décentralisation de la décision une priorité ? "
        "Quelles décisions devraient être prises au plus près du terrain ?",
    },
    "prompts.q.decentralisation.actions": {
        "en": "What are we concretely doing so that teams and partners can decide for "
        "themselves: delegation, clear budgets, trust?",
        "fr": "Que faisons-nous concrètement pour que les équipes et les partenaires puissent "
        "décider par eux-mêmes : délégation, budgets clairs, confiance ?",
    },
    "prompts.q.decentralisation.results": {
        "en": "Tell us about a decision taken locally that worked, or one that got stuck "
        "waiting for headquarters.",
        "fr": "Racontez une décision prise localement qui a fonctionné, ou une autre restée "
        "bloquée en attendant le siège.",
    },
    "prompts.q.decentralisation.next_steps": {
        "en": "Which decision could we hand over next, and to whom?",
        "fr": "Quelle décision pourrions-nous déléguer ensuite, et à qui ?",
    },
    "prompts.q.decentralisation.standing": {
        "en": "Where do we stand: who really decides today, and who would you like to see decide?",
        "fr": "Où en sommes-nous : qui décide vraiment aujourd'hui, et qui aimeriez-vous voir "
        "décider ?",
    },
    "prompts.q.other.why": {
        "en": "What else have we chosen to focus on to learn as an organisation, and why?",
        "fr": "Sur quoi d'autre avons-nous choisi de miser pour apprendre en tant "
        "qu'organisation, et pourquoi ?",
    },
    "prompts.q.other.actions": {
        "en": "What else are we concretely doing to learn from our work?",
        "fr": "Que faisons-nous d'autre, concrètement, pour tirer les leçons de notre travail ?",
    },
    "prompts.q.other.results": {
        "en": "What success or setback taught us something lately?",
        "fr": "Quelle réussite ou quel échec nous a appris quelque chose dernièrement ?",
    },
    "prompts.q.other.next_steps": {
        "en": "What next step would help us learn faster?",
        "fr": "Quelle prochaine étape nous aiderait à apprendre plus vite ?",
    },
    "prompts.q.other.standing": {
        "en": "All in all, where does our organisation stand as a learning organisation?",
        "fr": "Dans l'ensemble, où en est notre organisation en tant qu'organisation apprenante ?",
    },
    "prompts.q.obstacles": {
        "en": "What holds learning back here on *{lever}*: uncertain funding, high staff "
        "turnover, decisions held at the centre, or something else? And what has helped "
        "despite it?",
        "fr": "Qu'est-ce qui freine l'apprentissage chez nous sur le levier *{lever}* : des "
        "financements incertains, un fort renouvellement du personnel, des décisions "
        "concentrées au siège, autre chose ? Et qu'est-ce qui a aidé malgré tout ?",
    },
}

WORDS = {
    # The prompt itself.
    "prompts.header": {
        "en": "{emoji} *Time to reflect: {lever}*",
        "fr": "{emoji} *Un temps de réflexion : {lever}*",
    },
    "prompts.how_to_answer": {
        "en": "Reply in this thread: each reply is saved as a learning for the team. Rather "
        "not give your name? Use *Answer anonymously*.",
        "fr": "Répondez dans ce fil : chaque réponse est enregistrée comme un apprentissage de "
        "l'équipe. Vous préférez ne pas donner votre nom ? Utilisez *Répondre anonymement*.",
    },
    "prompts.answer_anonymously": {"en": "Answer anonymously", "fr": "Répondre anonymement"},
    "prompts.fallback": {"en": "{lever}: {question}", "fr": "{lever} : {question}"},
    # Answering anonymously.
    "prompts.anonymous_title": {"en": "Anonymous answer", "fr": "Réponse anonyme"},
    "prompts.anonymous_label": {"en": "Your answer", "fr": "Votre réponse"},
    "prompts.anonymous_hint": {
        "en": "Posted in the thread and saved as a learning, without your name.",
        "fr": "Publiée dans le fil et enregistrée comme apprentissage, sans votre nom.",
    },
    "prompts.anonymous_send": {"en": "Send", "fr": "Envoyer"},
    "prompts.anonymous_post": {
        "en": ":bust_in_silhouette: *Anonymous answer*\n{quote}",
        "fr": ":bust_in_silhouette: *Réponse anonyme*\n{quote}",
    },
    "prompts.answer_empty": {
        "en": "Write your answer before sending it.",
        "fr": "Écrivez votre réponse avant de l'envoyer.",
    },
    "prompts.prompt_gone": {
        "en": "This prompt is no longer known to learnloop, so the answer was not saved.",
        "fr": "Cette question n'est plus connue de learnloop : la réponse n'a pas été enregistrée.",
    },
    # Welcome when the bot joins a channel.
    "prompts.welcome": {
        "en": ":wave: Hello! I'm learnloop. Once a week I can ask this channel one short "
        "question about how we learn as an organisation. Every reply in the thread is kept as "
        "a learning, so what the team learns stays even when people move on.",
        "fr": ":wave: Bonjour ! Je suis learnloop. Une fois par semaine, je peux poser à ce "
        "canal une courte question sur notre façon d'apprendre en tant qu'organisation. "
        "Chaque réponse dans le fil est gardée comme un apprentissage : ce que l'équipe "
        "apprend reste, même quand les personnes s'en vont.",
    },
    "prompts.welcome_default": {
        "en": "Weekly prompts come {when} ({timezone}). A workspace admin or whoever starts "
        "them can change them.",
        "fr": "Les questions hebdomadaires arrivent {when} ({timezone}). Un administrateur de "
        "l'espace de travail ou la personne qui les lance peut les modifier.",
    },
    "prompts.start_weekly": {
        "en": "Start weekly prompts",
        "fr": "Lancer les questions hebdomadaires",
    },
    "prompts.settings_button": {"en": "Settings", "fr": "Réglages"},
    "prompts.started": {
        "en": ":white_check_mark: Reflection prompts are on in this channel: {when} "
        "({timezone}), {levers}. Next one: {next}.",
        "fr": ":white_check_mark: Les questions de réflexion sont activées dans ce canal : "
        "{when} ({timezone}), {levers}. Prochaine question : {next}.",
    },
    "prompts.stopped": {
        "en": ":no_entry_sign: Reflection prompts are off in this channel.",
        "fr": ":no_entry_sign: Les questions de réflexion sont désactivées dans ce canal.",
    },
    "prompts.resumed": {
        "en": ":arrow_forward: I'm back: reflection prompts resume here, {when} ({timezone}).",
        "fr": ":arrow_forward: Me revoici : les questions de réflexion reprennent ici, {when} "
        "({timezone}).",
    },
    "prompts.already_started": {
        "en": "Reflection prompts already run in this channel (schedule #{id}). Use *Settings* "
        "to change them.",
        "fr": "Les questions de réflexion tournent déjà dans ce canal (planning n°{id}). "
        "Utilisez *Réglages* pour les modifier.",
    },
    # Settings modal.
    "prompts.settings_title": {"en": "Reflection prompts", "fr": "Questions de réflexion"},
    "prompts.settings_intro": {
        "en": "Reflection prompts in <#{channel}>.",
        "fr": "Questions de réflexion dans <#{channel}>.",
    },
    "prompts.cadence_label": {"en": "How often", "fr": "Fréquence"},
    "prompts.cadence.weekly_option": {"en": "Every week", "fr": "Chaque semaine"},
    "prompts.cadence.weekdays_option": {"en": "Every weekday", "fr": "Du lundi au vendredi"},
    "prompts.cadence.monthly_option": {
        "en": "Every month, on the 1st",
        "fr": "Chaque mois, le 1er",
    },
    "prompts.cadence.custom_option": {
        "en": "Custom (cron expression)",
        "fr": "Personnalisée (expression cron)",
    },
    "prompts.day_label": {"en": "Day (every week)", "fr": "Jour (chaque semaine)"},
    "prompts.time_label": {"en": "Time", "fr": "Heure"},
    "prompts.cron_label": {"en": "Cron expression (custom only)", "fr": "Expression cron"},
    "prompts.cron_hint": {
        "en": "Only for a custom rhythm. Five fields: minute hour day month weekday, for "
        "example 0 10 * * MON.",
        "fr": "Seulement pour une fréquence personnalisée. Cinq champs : minute heure jour "
        "mois jour-de-semaine, par exemple 0 10 * * MON.",
    },
    "prompts.timezone_label": {"en": "Time zone", "fr": "Fuseau horaire"},
    "prompts.timezone_hint": {
        "en": "An IANA name, for example Europe/Paris.",
        "fr": "Un nom IANA, par exemple Europe/Paris.",
    },
    "prompts.mode_label": {"en": "Levers", "fr": "Leviers"},
    "prompts.mode.rotate_option": {
        "en": "All levers, in turn",
        "fr": "Tous les leviers, à tour de rôle",
    },
    "prompts.mode.fixed_option": {
        "en": "Always the same lever (chosen below)",
        "fr": "Toujours le même levier (choisi ci-dessous)",
    },
    "prompts.mode.subset_option": {
        "en": "The levers chosen below, in turn",
        "fr": "Les leviers choisis ci-dessous, à tour de rôle",
    },
    "prompts.levers_label": {"en": "Chosen levers", "fr": "Leviers choisis"},
    "prompts.language_label": {"en": "Language of the prompts", "fr": "Langue des questions"},
    "prompts.enabled_option": {"en": "Prompts are on", "fr": "Questions activées"},
    "prompts.status_label": {"en": "On or off", "fr": "Activation"},
    # Describing a schedule.
    "prompts.when.weekly": {"en": "every {day} at {time}", "fr": "chaque {day} à {time}"},
    "prompts.when.weekdays": {
        "en": "every weekday at {time}",
        "fr": "du lundi au vendredi à {time}",
    },
    "prompts.when.monthly": {
        "en": "on the 1st of every month at {time}",
        "fr": "le 1er de chaque mois à {time}",
    },
    "prompts.when.custom": {
        "en": "on the cron schedule `{cron}`",
        "fr": "selon l'expression cron `{cron}`",
    },
    "prompts.time": {"en": "{hour}:{minute}", "fr": "{hour} h {minute}"},
    "prompts.day.mon": {"en": "Monday", "fr": "lundi"},
    "prompts.day.tue": {"en": "Tuesday", "fr": "mardi"},
    "prompts.day.wed": {"en": "Wednesday", "fr": "mercredi"},
    "prompts.day.thu": {"en": "Thursday", "fr": "jeudi"},
    "prompts.day.fri": {"en": "Friday", "fr": "vendredi"},
    "prompts.day.sat": {"en": "Saturday", "fr": "samedi"},
    "prompts.day.sun": {"en": "Sunday", "fr": "dimanche"},
    "prompts.levers.rotate": {"en": "all levers in turn", "fr": "tous les leviers à tour de rôle"},
    "prompts.levers.fixed": {"en": "always {levers}", "fr": "toujours {levers}"},
    "prompts.levers.subset": {"en": "in turn: {levers}", "fr": "à tour de rôle : {levers}"},
    "prompts.language.en": {"en": "English", "fr": "anglais"},
    "prompts.language.fr": {"en": "French", "fr": "français"},
    "prompts.never": {"en": "none planned", "fr": "aucune prévue"},
    "prompts.usage": {
        "en": "• `/learning settings` — when this channel gets reflection prompts, on which "
        "levers, in which language",
        "fr": "• `/learning settings` — quand ce canal reçoit des questions de réflexion, sur "
        "quels leviers, dans quelle langue",
    },
    # Refusals.
    "prompts.bad_cron": {
        "en": "`{value}` is not a cron expression: write five fields (minute hour day month "
        "weekday), for example `0 10 * * MON`.",
        "fr": "`{value}` n'est pas une expression cron : écrivez cinq champs (minute heure "
        "jour mois jour-de-semaine), par exemple `0 10 * * MON`.",
    },
    "prompts.cron_too_long": {
        "en": "This cron expression is {length} characters long and the limit is {limit}: "
        "use ranges and steps, for example `*/15 9-17 * * MON-FRI`.",
        "fr": "Cette expression cron fait {length} caractères et la limite est de {limit} : "
        "utilisez des intervalles et des pas, par exemple `*/15 9-17 * * MON-FRI`.",
    },
    "prompts.cron_never_due": {
        "en": "`{value}` does not come due within a year (a day of the month and a weekday "
        "must both match): keep one of them `*`, for example `0 10 1 * *` or `0 10 * * MON`.",
        "fr": "`{value}` ne tombe pas dans l'année qui vient (le jour du mois et le jour de "
        "semaine doivent tous deux correspondre) : laissez l'un des deux à `*`, par exemple "
        "`0 10 1 * *` ou `0 10 * * MON`.",
    },
    "prompts.bad_timezone": {
        "en": "`{value}` is not a time zone: use an IANA name, for example `Europe/Paris`.",
        "fr": "`{value}` n'est pas un fuseau horaire : utilisez un nom IANA, par exemple "
        "`Europe/Paris`.",
    },
    "prompts.bad_language": {
        "en": "`{value}` is not a language of learnloop: use en or fr, for example `fr`.",
        "fr": "`{value}` n'est pas une langue de learnloop : utilisez en ou fr, par exemple `fr`.",
    },
    "prompts.bad_time": {
        "en": "`{value}` is not a time: write it HH:MM, for example `10:00`.",
        "fr": "`{value}` n'est pas une heure : écrivez-la HH:MM, par exemple `10:00`.",
    },
    "prompts.fixed_needs_one": {
        "en": "A fixed lever needs exactly one lever: choose one, for example `onboarding`.",
        "fr": "Un levier fixe demande exactement un levier : choisissez-en un, par exemple "
        "`onboarding`.",
    },
    "prompts.subset_needs_levers": {
        "en": "Choose the levers to take in turn, for example `onboarding` and `retention`.",
        "fr": "Choisissez les leviers à prendre à tour de rôle, par exemple `onboarding` et "
        "`retention`.",
    },
    "prompts.not_in_channel": {
        "en": "channel: I am not a member of `{channel}`. Invite me there first "
        "(`/invite @learnloop`), then try again.",
        "fr": "canal : je ne suis pas membre de `{channel}`. Invitez-moi d'abord "
        "(`/invite @learnloop`), puis réessayez.",
    },
    "prompts.unknown_channel": {
        "en": "channel: `{channel}` was not found. Give a channel id, for example "
        "`C0123456789` (in Slack: channel details, at the bottom).",
        "fr": "canal : `{channel}` est introuvable. Donnez l'identifiant d'un canal, par "
        "exemple `C0123456789` (dans Slack : détails du canal, tout en bas).",
    },
    "prompts.already_scheduled": {
        "en": "Channel `{channel}` already has prompt schedule #{id}: change it with "
        "`/learning settings` there, or remove it first with `learnloop schedule remove {id}`.",
        "fr": "Le canal `{channel}` a déjà le planning n°{id} : modifiez-le avec "
        "`/learning settings` dans ce canal, ou supprimez-le d'abord avec "
        "`learnloop schedule remove {id}`.",
    },
    "prompts.no_schedule": {
        "en": "There is no prompt schedule #{id}. `learnloop schedule list` shows them all.",
        "fr": "Il n'y a pas de planning n°{id}. `learnloop schedule list` les affiche tous.",
    },
    "prompts.not_allowed": {
        "en": "Only a workspace admin, the person who set up these prompts (<@{owner}>) or the "
        "channel's creator can change them. Ask one of them if something should change.",
        "fr": "Seuls un administrateur de l'espace de travail, la personne qui a mis en place "
        "ces questions (<@{owner}>) ou le créateur du canal peuvent les modifier. "
        "Demandez-leur si quelque chose doit changer.",
    },
    "prompts.not_allowed_admin": {
        "en": "Only a workspace admin or the channel's creator can change these prompts. Ask one "
        "if something should change.",
        "fr": "Seuls un administrateur de l'espace de travail ou le créateur du canal peuvent "
        "modifier ces questions. Demandez-leur si quelque chose doit changer.",
    },
    "prompts.not_in_this_channel": {
        "en": "I am not a member of this channel yet: invite me with `/invite @learnloop`, then "
        "open the settings again.",
        "fr": "Je ne suis pas encore membre de ce canal : invitez-moi avec "
        "`/invite @learnloop`, puis rouvrez les réglages.",
    },
    # When the bot can no longer post.
    "prompts.paused_dm": {
        "en": ":pause_button: I can no longer post reflection prompts in <#{channel}> "
        "({reason}), so I paused its schedule #{id}. Add me back to the channel "
        "(`/invite @learnloop`) and the prompts will resume.",
        "fr": ":pause_button: Je ne peux plus publier de questions de réflexion dans "
        "<#{channel}> ({reason}) : j'ai donc mis en pause son planning n°{id}. Rajoutez-moi "
        "au canal (`/invite @learnloop`) et les questions reprendront.",
    },
    "prompts.reason.not_in_channel": {
        "en": "I was removed from it",
        "fr": "on m'en a retiré",
    },
    "prompts.reason.channel_not_found": {
        "en": "it no longer exists, or I can no longer see it",
        "fr": "il n'existe plus, ou je ne le vois plus",
    },
    "prompts.reason.is_archived": {"en": "it was archived", "fr": "il a été archivé"},
    # Command line.
    "prompts.cli_added": {
        "en": "Schedule #{id} added for channel {channel}: {when} ({timezone}), {levers}, in "
        "{language}. Next prompt: {next}.",
        "fr": "Planning n°{id} ajouté pour le canal {channel} : {when} ({timezone}), {levers}, "
        "en {language}. Prochaine question : {next}.",
    },
    "prompts.cli_removed": {
        "en": "Schedule #{id} removed; prompts already posted keep their replies.",
        "fr": "Planning n°{id} supprimé ; les questions déjà publiées gardent leurs réponses.",
    },
    "prompts.cli_none": {
        "en": "No prompt schedules yet. Add one with `learnloop schedule add`.",
        "fr": "Aucun planning pour l'instant. Ajoutez-en un avec `learnloop schedule add`.",
    },
    "prompts.cli_posted": {
        "en": "Prompt #{id} posted in {channel} ({lever}), message {ts}.",
        "fr": "Question n°{id} publiée dans {channel} ({lever}), message {ts}.",
    },
    "prompts.cli_not_posted": {
        "en": "The prompt could not be posted in {channel}: Slack answered {reason}.",
        "fr": "La question n'a pas pu être publiée dans {channel} : Slack a répondu {reason}.",
    },
    "prompts.cli_no_answer": {
        "en": "Slack did not answer in time: the prompt may have been posted in {channel}. "
        "Look there before trying again.",
        "fr": "Slack n'a pas répondu à temps : la question a peut-être été publiée dans "
        "{channel}. Regardez-y avant de réessayer.",
    },
    "prompts.cli_slack_failed": {
        "en": "Slack answered {reason} about {channel}; nothing was changed. Try again in a "
        "moment.",
        "fr": "Slack a répondu {reason} au sujet de {channel} ; rien n'a été modifié. "
        "Réessayez dans un instant.",
    },
    "prompts.state.on": {"en": "on", "fr": "activé"},
    "prompts.state.off": {"en": "off", "fr": "désactivé"},
    "prompts.state.paused": {"en": "paused ({reason})", "fr": "en pause ({reason})"},
}

MESSAGES = {**QUESTIONS, **WORDS}
