"""Words of onboarding: resources, the welcome and nudges, fresh eyes, App Home and the CLI."""

MESSAGES = {
    # -- refusals, each naming the field ----------------------------------------------------
    "onboarding.bad_title": {
        "en": "The title is missing or longer than {limit} characters: give the resource a "
        "short title, for example `Our handbook`.",
        "fr": "Le titre manque ou dépasse {limit} caractères : donnez à la ressource un titre "
        "court, par exemple `Notre guide d'accueil`.",
    },
    "onboarding.bad_url": {
        "en": "The url `{value}` is not a web link: it must start with http:// or https://, "
        "for example `https://example.org/handbook`.",
        "fr": "L'url `{value}` n'est pas un lien web : elle doit commencer par http:// ou "
        "https://, par exemple `https://example.org/guide`.",
    },
    "onboarding.url_too_long": {
        "en": "The url is {length} characters long and the limit is {limit}: link to the same "
        "page with a shorter address, for example `https://example.org/handbook`.",
        "fr": "L'url fait {length} caractères et la limite est de {limit} : donnez une adresse "
        "plus courte de la même page, par exemple `https://example.org/guide`.",
    },
    "onboarding.days_too_long": {
        "en": "The days hold {length} characters and the limit is {limit}: list a few days, "
        "for example `1, 3, 7, 14, 30`.",
        "fr": "Les jours font {length} caractères et la limite est de {limit} : indiquez "
        "quelques jours, par exemple `1, 3, 7, 14, 30`.",
    },
    "onboarding.bad_day": {
        "en": "The day `{value}` is not a whole number from 0 to {limit}: give the day of the "
        "path when it should be sent, 0 being the welcome, for example `3`.",
        "fr": "Le jour `{value}` n'est pas un nombre entier de 0 à {limit} : indiquez le jour "
        "du parcours où l'envoyer, 0 étant l'accueil, par exemple `3`.",
    },
    "onboarding.bad_audience": {
        "en": "The audience `{value}` is unknown: use staff, volunteer, partner or everyone, "
        "for example `everyone`.",
        "fr": "Le public `{value}` est inconnu : utilisez staff, volunteer, partner ou "
        "everyone, par exemple `everyone`.",
    },
    "onboarding.bad_description": {
        "en": "The description is longer than {limit} characters: keep it to a sentence or two.",
        "fr": "La description dépasse {limit} caractères : tenez-vous-en à une phrase ou deux.",
    },
    "onboarding.bad_days": {
        "en": "The days `{value}` are not whole numbers from 1 to 365: separate them with "
        "commas, for example `1, 3, 7, 14, 30`.",
        "fr": "Les jours `{value}` ne sont pas des nombres entiers de 1 à 365 : séparez-les "
        "par des virgules, par exemple `1, 3, 7, 14, 30`.",
    },
    "onboarding.bad_yaml": {
        "en": "The file is not valid YAML (line {line}): see the sample in the README.",
        "fr": "Le fichier n'est pas du YAML valide (ligne {line}) : voyez l'exemple du README.",
    },
    "onboarding.empty_yaml": {
        "en": "The file holds no resources: list them under `resources:`, as in the README sample.",
        "fr": "Le fichier ne contient aucune ressource : listez-les sous `resources:`, comme "
        "dans l'exemple du README.",
    },
    "onboarding.bad_entry": {
        "en": "This entry is not a resource: give it at least a `title` and a `url`.",
        "fr": "Cette entrée n'est pas une ressource : donnez-lui au moins un `title` et une `url`.",
    },
    "onboarding.import_item": {
        "en": "resource {number} of the file: {problem} Nothing was imported.",
        "fr": "ressource n°{number} du fichier : {problem} Rien n'a été importé.",
    },
    "onboarding.not_yours": {
        "en": "These buttons belong to someone else's onboarding.",
        "fr": "Ces boutons appartiennent au parcours d'intégration de quelqu'un d'autre.",
    },
    "onboarding.admins_only": {
        "en": "Only workspace admins can change the onboarding resources and settings.",
        "fr": "Seuls les administrateurs de l'espace de travail peuvent modifier les ressources "
        "et les réglages d'intégration.",
    },
    "onboarding.resource_gone": {
        "en": "That resource no longer exists; it may have been removed.",
        "fr": "Cette ressource n'existe plus ; elle a peut-être été supprimée.",
    },
    # -- the welcome and the nudges ---------------------------------------------------------
    "onboarding.welcome": {
        "en": ":wave: Welcome, <@{user}>! I'm learnloop: I keep what this team learns so that "
        "nobody has to start from zero. Here is what will help you in your first days.",
        "fr": ":wave: Bienvenue, <@{user}> ! Je suis learnloop : je garde ce que cette équipe "
        "apprend pour que personne ne reparte de zéro. Voici de quoi bien démarrer.",
    },
    "onboarding.nudge": {
        "en": ":seedling: Day {day} of your onboarding, <@{user}>. Here is what comes next.",
        "fr": ":seedling: Jour {day} de votre intégration, <@{user}>. Voici la suite.",
    },
    "onboarding.new_resources": {
        "en": "*To look at now*",
        "fr": "*À découvrir maintenant*",
    },
    "onboarding.still_open": {
        "en": "*Still open from earlier*",
        "fr": "*Encore en attente*",
    },
    "onboarding.learnings": {
        "en": "*What the team has learned so far*",
        "fr": "*Ce que l'équipe a déjà appris*",
    },
    "onboarding.footer": {
        "en": "Mark each resource *Done* once you have looked at it.",
        "fr": "Marquez chaque ressource *Fait* une fois consultée.",
    },
    "onboarding.next_days": {
        # A day with no new resource and no question is skipped (Nudge.is_empty).
        "en": "I will check in again on days {days}, when I have something new for you.",
        "fr": "Je reviendrai vers vous les jours {days}, quand j'aurai du nouveau pour vous.",
    },
    "onboarding.done_button": {"en": "Done", "fr": "Fait"},
    "onboarding.done_mark": {"en": ":white_check_mark: Done", "fr": ":white_check_mark: Fait"},
    "onboarding.stop_button": {"en": "Stop these messages", "fr": "Arrêter ces messages"},
    "onboarding.stopped": {
        "en": "All right: no more onboarding messages from me. Welcome aboard!",
        "fr": "C'est noté : je ne vous enverrai plus de messages d'intégration. Bienvenue "
        "parmi nous !",
    },
    "onboarding.all_done": {
        "en": ":tada: You have looked at every resource: your onboarding path is complete, "
        "so these messages stop here. Welcome aboard!",
        "fr": ":tada: Vous avez consulté toutes les ressources : votre parcours d'intégration "
        "est terminé et ces messages s'arrêtent ici. Bienvenue parmi nous !",
    },
    # -- fresh eyes -------------------------------------------------------------------------
    "onboarding.fresh_eyes": {
        "en": ":eyes: After {day} days here, you see what we no longer notice. What surprised "
        "you? What do you wish you had known from the start?",
        "fr": ":eyes: Après {day} jours parmi nous, vous voyez ce que nous ne remarquons plus. "
        "Qu'est-ce qui vous a surpris ? Qu'auriez-vous aimé savoir dès le début ?",
    },
    "onboarding.fresh_eyes_button": {"en": "Share what I noticed", "fr": "Partager mon regard"},
    "onboarding.fresh_eyes_title": {"en": "Fresh eyes", "fr": "Un regard neuf"},
    "onboarding.fresh_eyes_surprised": {
        "en": "What surprised you?",
        "fr": "Qu'est-ce qui vous a surpris ?",
    },
    "onboarding.fresh_eyes_wish": {
        "en": "What do you wish you had known earlier?",
        "fr": "Qu'auriez-vous aimé savoir plus tôt ?",
    },
    "onboarding.anonymous": {
        "en": "Share without my name",
        "fr": "Partager sans mon nom",
    },
    "onboarding.fresh_eyes_empty": {
        "en": "Answer at least one of the two questions.",
        "fr": "Répondez à au moins une des deux questions.",
    },
    "onboarding.fresh_eyes_thanks": {
        "en": ":pray: Thank you! Your answers are saved under *{lever}*: they will help the "
        "next newcomers.",
        "fr": ":pray: Merci ! Vos réponses sont enregistrées sous *{lever}* : elles aideront "
        "les prochains arrivants.",
    },
    "onboarding.send": {"en": "Send", "fr": "Envoyer"},
    "onboarding.close": {"en": "Close", "fr": "Fermer"},
    # -- App Home ---------------------------------------------------------------------------
    "onboarding.home_path": {"en": "Your onboarding", "fr": "Votre intégration"},
    "onboarding.home_path_intro": {
        "en": "Day {day} of your path · resources done: {done} of {total}.",
        "fr": "Jour {day} de votre parcours · ressources consultées : {done} sur {total}.",
    },
    "onboarding.home_resources": {"en": "Onboarding resources", "fr": "Ressources d'intégration"},
    "onboarding.home_resources_empty": {
        "en": "No resources yet. Add the links every newcomer should see, or import a file "
        "with `learnloop resources import`.",
        "fr": "Aucune ressource pour l'instant. Ajoutez les liens que chaque nouvel arrivant "
        "doit voir, ou importez un fichier avec `learnloop resources import`.",
    },
    "onboarding.home_more": {
        "en": "… and {count} more: `learnloop resources list` shows them all.",
        "fr": "… et {count} autres : `learnloop resources list` les montre toutes.",
    },
    "onboarding.home_channels": {
        "en": "Newcomers are welcomed when they join the workspace or one of these channels: "
        "{channels}. Nudge days: {days}.",
        "fr": "Les nouveaux arrivants sont accueillis quand ils rejoignent l'espace de travail "
        "ou l'un de ces canaux : {channels}. Jours de relance : {days}.",
    },
    "onboarding.home_no_channels": {
        "en": "Newcomers are welcomed when they join the workspace; no onboarding channel is "
        "set. Nudge days: {days}.",
        "fr": "Les nouveaux arrivants sont accueillis quand ils rejoignent l'espace de travail ; "
        "aucun canal d'intégration n'est choisi. Jours de relance : {days}.",
    },
    "onboarding.day": {"en": "day {day}", "fr": "jour {day}"},
    "onboarding.audience.staff": {"en": "staff", "fr": "salariés"},
    "onboarding.audience.volunteer": {"en": "volunteers", "fr": "bénévoles"},
    "onboarding.audience.partner": {"en": "partners", "fr": "partenaires"},
    "onboarding.audience.everyone": {"en": "everyone", "fr": "tout le monde"},
    "onboarding.edit": {"en": "Edit", "fr": "Modifier"},
    "onboarding.remove": {"en": "Remove", "fr": "Supprimer"},
    "onboarding.move_up": {"en": "Move up", "fr": "Monter"},
    "onboarding.move_down": {"en": "Move down", "fr": "Descendre"},
    "onboarding.add_resource": {"en": "Add a resource", "fr": "Ajouter une ressource"},
    "onboarding.settings_button": {"en": "Channels and days", "fr": "Canaux et jours"},
    "onboarding.home_newcomers": {"en": "Newcomers", "fr": "Nouveaux arrivants"},
    "onboarding.home_newcomers_empty": {
        "en": "Nobody is on an onboarding path yet.",
        "fr": "Personne n'a encore commencé de parcours d'intégration.",
    },
    "onboarding.progress_line": {
        "en": "<@{user}> · day {day} · done: {done} of {total} · {status}",
        "fr": "<@{user}> · jour {day} · consultées : {done} sur {total} · {status}",
    },
    "onboarding.status.active": {"en": "on the path", "fr": "en cours"},
    "onboarding.status.done": {"en": "finished everything", "fr": "tout consulté"},
    "onboarding.status.stopped": {"en": "stopped the messages", "fr": "a arrêté les messages"},
    "onboarding.status.left": {"en": "left", "fr": "a quitté l'espace"},
    "onboarding.status.ended": {"en": "path over", "fr": "parcours terminé"},
    "onboarding.resource_add_title": {"en": "New resource", "fr": "Nouvelle ressource"},
    "onboarding.resource_edit_title": {"en": "Edit resource", "fr": "Modifier la ressource"},
    "onboarding.field_title": {"en": "Title", "fr": "Titre"},
    "onboarding.field_url": {"en": "Link (http or https)", "fr": "Lien (http ou https)"},
    "onboarding.field_description": {"en": "Short description", "fr": "Courte description"},
    "onboarding.field_lever": {"en": "Lever", "fr": "Levier"},
    "onboarding.field_day": {
        "en": "Day of the path (0 is the welcome)",
        "fr": "Jour du parcours (0 pour l'accueil)",
    },
    "onboarding.field_audience": {"en": "For", "fr": "Pour"},
    "onboarding.settings_title": {"en": "Onboarding", "fr": "Intégration"},
    "onboarding.field_channels": {
        "en": "Onboarding channels: whoever joins them is welcomed",
        "fr": "Canaux d'intégration : quiconque les rejoint est accueilli",
    },
    "onboarding.field_days": {"en": "Nudge days", "fr": "Jours de relance"},
    "onboarding.field_days_hint": {
        "en": "Days after the welcome, separated by commas, for example 1, 3, 7, 14, 30. "
        "Fresh-eyes questions always come on days 7 and 30.",
        "fr": "Jours après l'accueil, séparés par des virgules, par exemple 1, 3, 7, 14, 30. "
        "Les questions « regard neuf » arrivent toujours les jours 7 et 30.",
    },
    # -- the command line -------------------------------------------------------------------
    "onboarding.cli_added": {
        "en": "Added resource #{id}: {title} ({day}, {audience}, {lever}).",
        "fr": "Ressource n°{id} ajoutée : {title} ({day}, {audience}, {lever}).",
    },
    "onboarding.cli_imported": {
        "en": "{path}: {added} added, {updated} updated.",
        "fr": "{path} : ajoutées : {added}, mises à jour : {updated}.",
    },
    "onboarding.cli_removed": {
        "en": "Removed resource #{id}.",
        "fr": "Ressource n°{id} supprimée.",
    },
    "onboarding.cli_not_found": {
        "en": "There is no resource #{id}: `learnloop resources list` shows their numbers.",
        "fr": "Il n'y a pas de ressource n°{id} : `learnloop resources list` montre leurs numéros.",
    },
    "onboarding.cli_empty": {
        "en": "No resources yet: add one with `learnloop resources add TITLE URL`.",
        "fr": "Aucune ressource pour l'instant : ajoutez-en une avec "
        "`learnloop resources add TITRE URL`.",
    },
    "onboarding.cli_unreadable": {
        "en": "Cannot read `{path}`: {reason}.",
        "fr": "Impossible de lire `{path}` : {reason}.",
    },
    "onboarding.cli_no_team": {
        "en": "This database knows no workspace yet: name it with --team T…, or start the bot "
        "once.",
        "fr": "Cette base ne connaît encore aucun espace de travail : indiquez-le avec "
        "--team T…, ou démarrez le bot une fois.",
    },
    "onboarding.cli_settings": {
        "en": "Onboarding channels: {channels}. Nudge days: {days}.",
        "fr": "Canaux d'intégration : {channels}. Jours de relance : {days}.",
    },
    "onboarding.bad_channels": {
        "en": "The channels `{value}` are not channel ids: separate them with commas, for "
        "example `C0123ABCD,C0456EFGH`.",
        "fr": "Les canaux `{value}` ne sont pas des identifiants de canal : séparez-les par "
        "des virgules, par exemple `C0123ABCD,C0456EFGH`.",
    },
    "onboarding.cli_none": {"en": "none", "fr": "aucun"},
    "onboarding.cli_status_header": {
        "en": "user\tstarted\tday\tstatus\tdone",
        "fr": "personne\tdébut\tjour\tétat\tconsultées",
    },
}
