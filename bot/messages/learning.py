"""Words of `/learning`: capture, the modal, lists and search results, export and help."""

MESSAGES = {
    "learning.saved": {
        "en": ":white_check_mark: Saved as learning #{id} under *{lever}*.\n{quote}",
        "fr": ":white_check_mark: Enregistré comme apprentissage n°{id}, levier *{lever}*.\n"
        "{quote}",
    },
    "learning.saved_guessed": {
        "en": ":white_check_mark: Saved as learning #{id}. I guessed the lever *{lever}*; "
        "change it below if it is not right.\n{quote}",
        "fr": ":white_check_mark: Enregistré comme apprentissage n°{id}. J'ai deviné le levier "
        "*{lever}* ; changez-le ci-dessous s'il ne convient pas.\n{quote}",
    },
    "learning.lever_changed": {
        "en": ":white_check_mark: Learning #{id} is now under *{lever}*.\n{quote}",
        "fr": ":white_check_mark: L'apprentissage n°{id} relève maintenant du levier *{lever}*.\n"
        "{quote}",
    },
    "learning.empty": {
        "en": "Write what you learned after the command, for example:\n"
        "`/learning onboarding: pair each newcomer with a buddy for their first week`",
        "fr": "Écrivez ce que vous avez appris après la commande, par exemple :\n"
        "`/learning intégration : associer chaque nouvel arrivant à un binôme la première "
        "semaine`",
    },
    "learning.too_long": {
        "en": "That learning is {length} characters long and the limit is {limit}: "
        "nothing was saved. Shorten it, or split it into two learnings.",
        "fr": "Cet apprentissage fait {length} caractères et la limite est de {limit} : "
        "rien n'a été enregistré. Raccourcissez-le ou faites-en deux apprentissages.",
    },
    "learning.not_found": {
        "en": "Learning #{id} was not found; it may have been deleted.",
        "fr": "L'apprentissage n°{id} est introuvable ; il a peut-être été supprimé.",
    },
    "learning.not_yours": {
        "en": "Only the author of learning #{id} can change it.",
        "fr": "Seul l'auteur de l'apprentissage n°{id} peut le modifier.",
    },
    "learning.not_yours_delete": {
        "en": "Only the author of learning #{id} or an admin can delete it.",
        "fr": "Seul l'auteur de l'apprentissage n°{id} ou un administrateur peut le supprimer.",
    },
    "learning.already_saved": {
        "en": "That message is already saved as learning #{id} by someone else; only they can "
        "change it. Find it with `/learning search`.",
        "fr": "Ce message est déjà enregistré comme apprentissage n°{id} par quelqu'un d'autre ; "
        "seule cette personne peut le modifier. Retrouvez-le avec `/learning search`.",
    },
    # The modal
    "learning.modal.title": {"en": "Log a learning", "fr": "Noter un apprentissage"},
    "learning.modal.title_edit": {"en": "Edit learning #{id}", "fr": "Modifier le n°{id}"},
    "learning.modal.from_message": {
        "en": "From a message by {author}.",
        "fr": "D'après un message de {author}.",
    },
    "learning.modal.from_message_link": {
        "en": "From <{link}|a message> by {author}.",
        "fr": "D'après <{link}|un message> de {author}.",
    },
    "learning.modal.text": {"en": "What did you learn?", "fr": "Qu'avez-vous appris ?"},
    "learning.modal.text_placeholder": {
        "en": "Pair each newcomer with a buddy for their first week",
        "fr": "Associer chaque nouvel arrivant à un binôme pour sa première semaine",
    },
    "learning.lever_menu": {"en": "Lever", "fr": "Levier"},
    "learning.modal.lever_placeholder": {"en": "Choose a lever", "fr": "Choisissez un levier"},
    "learning.modal.lever_hint": {
        "en": "Leave it empty and I will guess it from your words.",
        "fr": "Laissez vide et je le devinerai d'après vos mots.",
    },
    "learning.modal.review_intro": {
        "en": "*After Action Review* (optional): what was expected, what happened, why, and "
        "what to keep or change.",
        "fr": "*Retour d'expérience* (facultatif) : ce qui était prévu, ce qui s'est passé, "
        "pourquoi, et ce qu'il faut garder ou changer.",
    },
    "learning.modal.expected": {"en": "What was expected?", "fr": "Qu'est-ce qui était prévu ?"},
    "learning.modal.happened": {"en": "What happened?", "fr": "Que s'est-il passé ?"},
    "learning.modal.why": {"en": "Why was it different?", "fr": "Pourquoi était-ce différent ?"},
    "learning.modal.next": {
        "en": "What will we keep or change?",
        "fr": "Que garder ou changer ?",
    },
    "learning.modal.tags": {"en": "Tags", "fr": "Étiquettes"},
    "learning.modal.tags_placeholder": {
        "en": "budget, volunteers, field",
        "fr": "budget, bénévoles, terrain",
    },
    "learning.modal.share": {"en": "Where", "fr": "Où"},
    "learning.modal.keep_private": {
        "en": "Keep it in the channel's store only",
        "fr": "Le garder dans la mémoire du canal seulement",
    },
    "learning.modal.post": {
        "en": "Also post it in the channel",
        "fr": "Le publier aussi dans le canal",
    },
    "learning.modal.anonymous_label": {"en": "Anonymity", "fr": "Anonymat"},
    "learning.modal.anonymous": {"en": "Log it anonymously", "fr": "L'enregistrer anonymement"},
    "learning.modal.anonymous_hint": {
        "en": "Your name is stored nowhere; you will not be able to edit it afterwards.",
        "fr": "Votre nom n'est conservé nulle part ; vous ne pourrez plus le modifier ensuite.",
    },
    "learning.form.text_empty": {
        "en": "Write what you learned, for example: pair each newcomer with a buddy.",
        "fr": "Écrivez ce que vous avez appris, par exemple : un binôme pour chaque nouvel "
        "arrivant.",
    },
    "learning.form.text_too_long": {
        "en": "This is {length} characters long and the limit is {limit}: shorten it, or split "
        "it into two learnings.",
        "fr": "Ce texte fait {length} caractères et la limite est de {limit} : raccourcissez-le "
        "ou faites-en deux apprentissages.",
    },
    "learning.form.review_too_long": {
        "en": "This is {length} characters long and the limit is {limit}: keep the gist.",
        "fr": "Ce texte fait {length} caractères et la limite est de {limit} : gardez l'essentiel.",
    },
    "learning.form.tag_too_long": {
        "en": "The tag “{value}” is longer than {limit} characters: use short tags, for "
        "example: budget, volunteers.",
        "fr": "L'étiquette « {value} » dépasse {limit} caractères : choisissez des étiquettes "
        "courtes, par exemple : budget, bénévoles.",
    },
    "learning.form.tags_too_long": {
        "en": "The tags hold {length} characters and the limit is {limit}: use a few short "
        "tags, for example: budget, volunteers.",
        "fr": "Les étiquettes font {length} caractères et la limite est de {limit} : "
        "choisissez quelques étiquettes courtes, par exemple : budget, bénévoles.",
    },
    "learning.form.too_many_tags": {
        "en": "At most {limit} tags, separated by commas, for example: budget, volunteers.",
        "fr": "{limit} étiquettes au plus, séparées par des virgules, par exemple : budget, "
        "bénévoles.",
    },
    # After the modal
    "learning.form_saved": {
        "en": ":white_check_mark: Saved as learning #{id} under *{lever}*.",
        "fr": ":white_check_mark: Enregistré comme apprentissage n°{id}, levier *{lever}*.",
    },
    "learning.form_updated": {
        "en": ":white_check_mark: Learning #{id} is updated (*{lever}*).",
        "fr": ":white_check_mark: L'apprentissage n°{id} est mis à jour (*{lever}*).",
    },
    "learning.posted_in": {"en": "Posted in {channel}.", "fr": "Publié dans {channel}."},
    "learning.not_posted": {
        "en": ":warning: I could not post it in {channel}: invite me there with "
        "`/invite @learnloop`. It is saved all the same.",
        "fr": ":warning: Je n'ai pas pu le publier dans {channel} : invitez-moi avec "
        "`/invite @learnloop`. Il est bien enregistré.",
    },
    "learning.post_failed": {
        "en": ":warning: Slack did not take the post in {channel} just now. It is saved all the "
        "same: find it with `/learning mine`.",
        "fr": ":warning: Slack n'a pas accepté la publication dans {channel} pour l'instant. Il "
        "est bien enregistré : retrouvez-le avec `/learning mine`.",
    },
    "learning.post_unconfirmed": {
        "en": ":warning: Slack did not confirm the post in {channel}: look there before sharing "
        "it again. It is saved all the same.",
        "fr": ":warning: Slack n'a pas confirmé la publication dans {channel} : regardez-y avant "
        "de le partager à nouveau. Il est bien enregistré.",
    },
    "learning.post_not_updated": {
        "en": ":warning: Its post in {channel} still shows what it said before: Slack did not "
        "take the change.",
        "fr": ":warning: Sa publication dans {channel} montre encore l'ancienne version : Slack "
        "n'a pas accepté la modification.",
    },
    "learning.post_not_deleted": {
        "en": ":warning: Its post in {channel} is still there: Slack did not delete it. A "
        "workspace admin can remove that message.",
        "fr": ":warning: Sa publication dans {channel} est toujours là : Slack ne l'a pas "
        "supprimée. Un administrateur de l'espace de travail peut retirer ce message.",
    },
    "learning.modal_not_opened": {
        "en": ":warning: Slack did not open the form. Try again in a minute; "
        "`/learning &lt;what you learned&gt;` also logs a learning without it.",
        "fr": ":warning: Slack n'a pas ouvert le formulaire. Réessayez dans une minute ; "
        "`/learning &lt;ce que vous avez appris&gt;` note aussi un apprentissage sans lui.",
    },
    "learning.modal_unconfirmed": {
        "en": ":hourglass: Slack was slow to open the form. If it is not on your screen, try "
        "again; `/learning &lt;what you learned&gt;` also logs a learning without it.",
        "fr": ":hourglass: Slack a tardé à ouvrir le formulaire. S'il n'est pas à l'écran, "
        "réessayez ; `/learning &lt;ce que vous avez appris&gt;` note aussi un apprentissage "
        "sans lui.",
    },
    "learning.kept_in": {
        "en": "Kept in the store of {channel}: its members find it with `/learning search`.",
        "fr": "Gardé dans la mémoire de {channel} : ses membres le retrouvent avec "
        "`/learning search`.",
    },
    "learning.anonymous_kept": {
        "en": "It is anonymous: your name is stored nowhere, so you cannot edit it; an admin can "
        "delete it.",
        "fr": "Il est anonyme : votre nom n'est conservé nulle part, vous ne pourrez donc pas le "
        "modifier ; un administrateur peut le supprimer.",
    },
    "learning.posted": {
        "en": "{lever} — a learning from {author}",
        "fr": "{lever} — un apprentissage de {author}",
    },
    # Showing learnings
    "learning.by_saved_by": {
        "en": "{author} (saved by {saver})",
        "fr": "{author} (enregistré par {saver})",
    },
    "learning.review.expected": {"en": "Expected:", "fr": "Prévu :"},
    "learning.review.happened": {"en": "Happened:", "fr": "Réalité :"},
    "learning.review.why": {"en": "Why:", "fr": "Pourquoi :"},
    "learning.review.next": {"en": "Keep or change:", "fr": "À garder ou changer :"},
    "learning.link": {"en": "see the message", "fr": "voir le message"},
    "learning.edit": {"en": "Edit", "fr": "Modifier"},
    "learning.delete": {"en": "Delete", "fr": "Supprimer"},
    "learning.delete_confirm_title": {
        "en": "Delete this learning?",
        "fr": "Supprimer cet apprentissage ?",
    },
    "learning.delete_confirm_text": {
        "en": "Learning #{id} will no longer appear anywhere, and will be erased for good after "
        "30 days.",
        "fr": "L'apprentissage n°{id} n'apparaîtra plus nulle part et sera effacé "
        "définitivement au bout de 30 jours.",
    },
    "learning.deleted": {
        "en": ":wastebasket: Learning #{id} is deleted; it will be erased for good in {days} days.",
        "fr": ":wastebasket: L'apprentissage n°{id} est supprimé ; il sera effacé définitivement "
        "dans {days} jours.",
    },
    "learning.results_range": {
        "en": "{first}–{last} of {total}",
        "fr": "{first} à {last} sur {total}",
    },
    "learning.more": {"en": "More results", "fr": "Plus de résultats"},
    "learning.search_heading": {
        "en": ":mag: Learnings matching *{query}*",
        "fr": ":mag: Apprentissages correspondant à *{query}*",
    },
    "learning.search_none": {
        "en": ":mag: No learning you can see matches *{query}*. Try fewer words, or "
        "`/learning list`.",
        "fr": ":mag: Aucun apprentissage visible pour vous ne correspond à *{query}*. Essayez "
        "avec moins de mots, ou `/learning list`.",
    },
    "learning.search_filters_only": {"en": "these filters", "fr": "ces filtres"},
    "learning.list_heading": {
        "en": ":books: The latest learnings",
        "fr": ":books: Les derniers apprentissages",
    },
    "learning.list_none": {
        "en": ":books: No learnings yet that you can see. Log one with `/learning`.",
        "fr": ":books: Pas encore d'apprentissage visible pour vous. Notez-en un avec `/learning`.",
    },
    "learning.list_lever_heading": {
        "en": ":books: The latest learnings under *{lever}*",
        "fr": ":books: Les derniers apprentissages du levier *{lever}*",
    },
    "learning.list_lever_none": {
        "en": ":books: No learnings under *{lever}* yet that you can see.",
        "fr": ":books: Pas encore d'apprentissage visible pour vous sous le levier *{lever}*.",
    },
    "learning.mine_heading": {
        "en": ":bust_in_silhouette: Your learnings",
        "fr": ":bust_in_silhouette: Vos apprentissages",
    },
    "learning.mine_none": {
        "en": "You have not logged any learning yet (anonymous ones are not counted as yours). "
        "Try `/learning`.",
        "fr": "Vous n'avez encore noté aucun apprentissage (les anonymes ne comptent pas comme "
        "les vôtres). Essayez `/learning`.",
    },
    "learning.some_unanswered": {
        "en": ":warning: Slack did not answer about some channels, so their learnings are left "
        "out here. Try again in a minute to see them.",
        "fr": ":warning: Slack n'a pas répondu au sujet de certains canaux : leurs "
        "apprentissages ne figurent pas ici. Réessayez dans une minute pour les voir.",
    },
    # Export
    "learning.export_started": {
        "en": ":package: Preparing your export; it will arrive in a direct message from me.",
        "fr": ":package: Je prépare votre export ; il arrivera dans un message privé de ma part.",
    },
    "learning.export_title": {"en": "Learnings, {day}", "fr": "Apprentissages, {day}"},
    "learning.export_ready": {
        "en": "Here is your export. Learnings in it: {count}.",
        "fr": "Voici votre export. Apprentissages inclus : {count}.",
    },
    "learning.export_failed": {
        "en": ":warning: I could not send you the file. Please try again in a minute.",
        "fr": ":warning: Je n'ai pas pu vous envoyer le fichier. Réessayez dans une minute.",
    },
    "learning.export_unconfirmed": {
        "en": ":hourglass: Slack did not confirm that the file reached you: look in your direct "
        "messages with me before asking again.",
        "fr": ":hourglass: Slack n'a pas confirmé que le fichier vous est parvenu : regardez "
        "dans vos messages privés avec moi avant de le redemander.",
    },
    "learning.export_unanswered": {
        "en": ":warning: Slack did not answer about some channels you may read, so the file "
        "would miss their learnings: I did not send it. Please try again in a minute.",
        "fr": ":warning: Slack n'a pas répondu au sujet de certains canaux que vous pouvez lire : "
        "le fichier manquerait leurs apprentissages, je ne l'ai donc pas envoyé. Réessayez "
        "dans une minute.",
    },
    # Help
    "learning.unknown_subcommand": {
        "en": "`{word}` is not a `/learning` command. Here is what it can do:",
        "fr": "`{word}` n'est pas une commande de `/learning`. Voici ce qu'elle sait faire :",
    },
    "learning.usage.log": {
        "en": "*How to use /learning*\n"
        "• `/learning` alone — a form: the learning, its lever, an optional After Action Review, "
        "tags, posted in the channel or kept in its store, anonymous or not\n"
        "• `/learning &lt;what you learned&gt;` — logs it at once; start with `onboarding:` to name "
        "its lever, or I guess it\n"
        "• *Save as learning*, in the ⋯ menu of any message — saves that message",
        "fr": "*Utiliser /learning*\n"
        "• `/learning` seul — un formulaire : l'apprentissage, son levier, un retour "
        "d'expérience facultatif, des étiquettes, publié dans le canal ou gardé dans sa "
        "mémoire, anonyme ou non\n"
        "• `/learning &lt;ce que vous avez appris&gt;` — l'enregistre aussitôt ; commencez par "
        "`intégration :` pour nommer son levier, sinon je le devine\n"
        "• *Save as learning*, dans le menu ⋯ de n'importe quel message — enregistre ce message",
    },
    "learning.usage.help": {
        "en": "• `/learning help` — this help",
        "fr": "• `/learning help` (ou `aide`) — cette aide",
    },
    "learning.usage.search": {
        "en": "• `/learning search &lt;words&gt; [filters]` — finds learnings, accents and case "
        "ignored: the best of the latest 100 first, then older ones",
        "fr": "• `/learning search &lt;mots&gt; [filtres]` — retrouve des apprentissages, sans tenir "
        "compte des accents ni des majuscules : les plus pertinents des 100 derniers d'abord, "
        "puis les plus anciens",
    },
    "learning.usage.list": {
        "en": "• `/learning list [lever]` — the latest learnings, of one lever if you name it",
        "fr": "• `/learning list [levier]` — les derniers apprentissages, d'un seul levier si "
        "vous le nommez",
    },
    "learning.usage.mine": {
        "en": "• `/learning mine` — your own learnings, to edit or delete",
        "fr": "• `/learning mine` — vos apprentissages, pour les modifier ou les supprimer",
    },
    "learning.usage.handover": {
        "en": "• `/learning handover @person [@successor]` — before someone leaves: a debrief in "
        "a direct message whose answers become learnings, and their open retro actions handed "
        "to a successor",
        "fr": "• `/learning handover @personne [@successeur]` — avant un départ : un débriefing "
        "en message direct dont les réponses deviennent des apprentissages, et ses actions de "
        "rétro en cours confiées à qui lui succède",
    },
    "learning.usage.export": {
        "en": "• `/learning export [csv|md|json] [filters]` — a file of the learnings, sent to "
        "you in a direct message",
        "fr": "• `/learning export [csv|md|json] [filtres]` — un fichier des apprentissages, "
        "envoyé en message privé",
    },
    "learning.usage.filters": {
        "en": "Filters: `lever:onboarding` `from:@alice` `in:#general` `since:2026-01-01`. "
        "You see the learnings of the channels you are a member of, and your own.",
        "fr": "Filtres : `levier:intégration` `de:@alice` `dans:#general` "
        "`depuis:2026-01-01`. Vous voyez les apprentissages des canaux dont vous êtes membre, "
        "et les vôtres.",
    },
    "learning.usage.one_word": {
        "en": "A single word alone is read as a command: for a one-word learning, use the form "
        "or name its lever (`/learning other: Patience`).",
        "fr": "Un mot seul est lu comme une commande : pour un apprentissage d'un seul mot, "
        "passez par le formulaire ou nommez son levier (`/learning autre : Patience`).",
    },
}
