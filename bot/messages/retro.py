"""Words of `/retro`: the retro message, its modals, reminders, follow-ups, history, export."""

MESSAGES = {
    # -- the retro message ---------------------------------------------------------------
    "retro.header": {"en": ":repeat: Retro: {title}", "fr": ":repeat: Rétro : {title}"},
    "retro.fallback": {
        "en": "Retro: {title} (items: {items})",
        "fr": "Rétro : {title} (éléments : {items})",
    },
    "retro.default_title": {"en": "Retro of {day}", "fr": "Rétro du {day}"},
    "retro.status_open": {
        "en": "Facilitated by {facilitator} · {votes} votes each: click an item's :+1: to vote "
        "for it, click it again to take your vote back · {voters} voted so far",
        "fr": "Animée par {facilitator} · {votes} votes par personne : cliquez sur le :+1: d'un "
        "élément pour voter, recliquez pour retirer votre vote · {voters} votant(s) pour "
        "l'instant",
    },
    "retro.status_closed": {
        "en": "Closed by {closer} · {voters} voted · the summary is in the thread",
        "fr": "Clôturée par {closer} · {voters} votant(s) · le résumé est dans le fil",
    },
    "retro.look_back_title": {
        "en": "*:leftwards_arrow_with_hook: First, what we promised last time*",
        "fr": "*:leftwards_arrow_with_hook: D'abord, ce que nous avions promis la dernière fois*",
    },
    "retro.look_back_first": {
        "en": "This is the first retro in this channel: nothing to look back on yet.",
        "fr": "C'est la première rétro de ce canal : rien à revoir pour l'instant.",
    },
    "retro.look_back_none": {
        "en": "The last retro decided no actions.",
        "fr": "La dernière rétro n'a décidé aucune action.",
    },
    "retro.decided_title": {"en": "*:dart: Actions decided*", "fr": "*:dart: Actions décidées*"},
    "retro.action_overdue": {
        "en": "{emoji} *Overdue:* {text} — {owner}, due {due}",
        "fr": "{emoji} *En retard :* {text} — {owner}, échéance le {due}",
    },
    "retro.action_open": {
        "en": "{emoji} {text} — {owner}, due {due}",
        "fr": "{emoji} {text} — {owner}, échéance le {due}",
    },
    "retro.action_done": {
        "en": "{emoji} {text} — {owner}, done",
        "fr": "{emoji} {text} — {owner}, réalisée",
    },
    "retro.action_dropped": {
        "en": "{emoji} ~{text}~ — {owner}, dropped",
        "fr": "{emoji} ~{text}~ — {owner}, abandonnée",
    },
    "retro.action_evidence": {
        "en": " · it worked: {worked}, not yet: {not_yet}",
        "fr": " · ça a marché : {worked}, pas encore : {not_yet}",
    },
    "retro.more_lines": {"en": "…and {count} more", "fr": "…et {count} de plus"},
    "retro.learnings_title": {
        "en": "*:books: Learned in this channel since {since}* · {count}",
        "fr": "*:books: Appris dans ce canal depuis le {since}* · {count}",
    },
    "retro.learnings_none": {
        "en": "*:books: Learned in this channel since {since}*\nNothing logged yet: anyone can "
        "add a learning with `/learning`.",
        "fr": "*:books: Appris dans ce canal depuis le {since}*\nRien pour l'instant : chacun "
        "peut noter un apprentissage avec `/learning`.",
    },
    "retro.column.went_well": {"en": "What went well", "fr": "Ce qui a bien marché"},
    "retro.column.hard": {"en": "What was hard", "fr": "Ce qui a été difficile"},
    "retro.column.learned": {"en": "What we learned", "fr": "Ce que nous avons appris"},
    "retro.column.try_next": {"en": "What we will try next", "fr": "Ce que nous allons essayer"},
    "retro.column_empty": {"en": "_Nothing yet._", "fr": "_Rien pour l'instant._"},
    "retro.more_items": {
        "en": "_…and {count} more: *All items* shows every one, and you can vote there._",
        "fr": "_…et {count} autre(s) : *Tous les éléments* les montre tous, et vous pouvez y "
        "voter._",
    },
    "retro.vote_button": {"en": ":+1: {number}", "fr": ":+1: {number}"},
    "retro.add.went_well": {"en": "+ Went well", "fr": "+ A bien marché"},
    "retro.add.hard": {"en": "+ Was hard", "fr": "+ A été difficile"},
    "retro.add.learned": {"en": "+ We learned", "fr": "+ Nous avons appris"},
    "retro.add.try_next": {"en": "+ Try next", "fr": "+ À essayer"},
    "retro.all_items": {"en": "All items", "fr": "Tous les éléments"},
    "retro.close_button": {"en": "Close the retro", "fr": "Clore la rétro"},
    # -- the item modal --------------------------------------------------------------------
    "retro.item_modal_title": {"en": "Add an item", "fr": "Ajouter un élément"},
    "retro.item_modal_submit": {"en": "Add", "fr": "Ajouter"},
    "retro.item_label": {"en": "Your item", "fr": "Votre élément"},
    "retro.placeholder.went_well": {
        "en": "e.g. The new volunteers found everything they needed on the wiki",
        "fr": "ex. : les nouveaux bénévoles ont trouvé tout ce qu'il leur fallait sur le wiki",
    },
    "retro.placeholder.hard": {
        "en": "e.g. Decisions waited two weeks for head office",
        "fr": "ex. : les décisions ont attendu le siège pendant deux semaines",
    },
    "retro.placeholder.learned": {
        "en": "e.g. A buddy for each newcomer halves their questions",
        "fr": "ex. : un binôme pour chaque nouvel arrivant divise ses questions par deux",
    },
    "retro.placeholder.try_next": {
        "en": "e.g. Let field teams decide purchases under 500 €",
        "fr": "ex. : laisser les équipes de terrain décider des achats de moins de 500 €",
    },
    "retro.lever_label": {"en": "Lever", "fr": "Levier"},
    "retro.lever_hint": {
        "en": "Leave it empty and I will guess it from your words.",
        "fr": "Laissez vide et je le devinerai d'après vos mots.",
    },
    "retro.lever_placeholder": {"en": "Let learnloop guess", "fr": "Laisser learnloop deviner"},
    "retro.anonymous_label": {"en": "Anonymity", "fr": "Anonymat"},
    "retro.anonymous_option": {"en": "Post anonymously", "fr": "Publier anonymement"},
    "retro.anonymous_hint": {
        "en": "Your name is neither shown nor stored with this item.",
        "fr": "Votre nom n'est ni affiché ni enregistré avec cet élément.",
    },
    "retro.item_empty": {
        "en": "Write your item, for example: “The handover notes saved us a week”.",
        "fr": "Écrivez votre élément, par exemple : « Les notes de passation nous ont fait "
        "gagner une semaine ».",
    },
    "retro.item_too_long": {
        "en": "Your item is {length} characters long and the limit is {limit}: shorten it or "
        "split it into two items.",
        "fr": "Votre élément fait {length} caractères et la limite est de {limit} : "
        "raccourcissez-le ou faites-en deux.",
    },
    # -- the All items modal ---------------------------------------------------------------
    "retro.items_modal_title": {"en": "All items", "fr": "Tous les éléments"},
    "retro.items_modal_close": {"en": "Done", "fr": "Terminé"},
    "retro.items_left": {
        "en": "You have {left} of your {limit} votes left.",
        "fr": "Il vous reste {left} vote(s) sur {limit}.",
    },
    "retro.items_closed": {
        "en": "This retro is closed: votes no longer change.",
        "fr": "Cette rétro est close : les votes ne changent plus.",
    },
    "retro.items_page": {"en": "page {page} of {pages}", "fr": "page {page} sur {pages}"},
    "retro.vote": {"en": "Vote", "fr": "Voter"},
    "retro.take_back": {"en": "Take my vote back", "fr": "Retirer mon vote"},
    "retro.previous_page": {"en": "Previous items", "fr": "Éléments précédents"},
    "retro.next_page": {"en": "Next items", "fr": "Éléments suivants"},
    # -- closing ---------------------------------------------------------------------------
    "retro.close_modal_title": {"en": "Close the retro", "fr": "Clore la rétro"},
    "retro.close_modal_submit": {"en": "Close", "fr": "Clore"},
    "retro.close_intro": {
        "en": "Closing saves the {count} items as learnings, each under its lever. The most "
        "voted items can become actions: pick an owner and a due date for each one the team "
        "commits to, and leave the others empty.",
        "fr": "La clôture enregistre les {count} éléments comme apprentissages, chacun sous son "
        "levier. Les éléments les plus votés peuvent devenir des actions : choisissez une "
        "personne responsable et une échéance pour chacune de celles que l'équipe s'engage à "
        "mener, et laissez les autres vides.",
    },
    "retro.close_intro_no_votes": {
        "en": "No item has a vote or is in *What we will try next*, so there is nothing to turn "
        "into an action. Closing saves the {count} items as learnings, each under its lever.",
        "fr": "Aucun élément n'a reçu de vote ni ne figure dans *Ce que nous allons essayer* : "
        "il n'y a donc rien à transformer en action. La clôture enregistre les {count} "
        "éléments comme apprentissages, chacun sous son levier.",
    },
    "retro.votes_count": {"en": "votes: {count}", "fr": "votes : {count}"},
    "retro.owner_label": {"en": "Owner of #{number}", "fr": "Responsable du n°{number}"},
    "retro.owner_placeholder": {"en": "Pick a person", "fr": "Choisir une personne"},
    "retro.due_label": {"en": "Due date of #{number}", "fr": "Échéance du n°{number}"},
    "retro.due_placeholder": {"en": "Pick a day", "fr": "Choisir un jour"},
    "retro.owner_missing": {
        "en": "Pick who owns this action, or clear its due date.",
        "fr": "Choisissez qui porte cette action, ou effacez son échéance.",
    },
    "retro.owner_unknown": {
        "en": "Slack does not know this person: pick someone else.",
        "fr": "Slack ne connaît pas cette personne : choisissez quelqu'un d'autre.",
    },
    "retro.owner_bot": {
        "en": "That is a bot: an action needs a person to own it.",
        "fr": "C'est un bot : une action doit être portée par une personne.",
    },
    "retro.owner_deactivated": {
        "en": "That account is deactivated: pick someone who is still in the workspace.",
        "fr": "Ce compte est désactivé : choisissez quelqu'un qui fait toujours partie de "
        "l'espace de travail.",
    },
    "retro.due_missing": {
        "en": "Pick a due date for this action, for example {example}.",
        "fr": "Choisissez une échéance pour cette action, par exemple le {example}.",
    },
    "retro.due_past": {
        "en": "{value} is in the past: pick today or a later day, for example {example}.",
        "fr": "Le {value} est déjà passé : choisissez aujourd'hui ou un jour suivant, par "
        "exemple le {example}.",
    },
    # -- answers to /retro and its buttons -------------------------------------------------
    "retro.started": {
        "en": "The retro *{title}* starts in this channel, with you as facilitator. Close it "
        "with the *Close the retro* button or `/retro close`.",
        "fr": "La rétro *{title}* commence dans ce canal, et c'est vous qui l'animez. "
        "Clôturez-la avec le bouton *Clore la rétro* ou `/retro close`.",
    },
    "retro.already_open": {
        "en": "A retro is already open in this channel: {link}. Add to it, or close it first "
        "with `/retro close`.",
        "fr": "Une rétro est déjà ouverte dans ce canal : {link}. Participez-y, ou clôturez-la "
        "d'abord avec `/retro close`.",
    },
    "retro.cannot_post": {
        "en": "I could not post the retro in this channel ({error}), so none was started. "
        "Invite me with `/invite @learnloop`, then try again.",
        "fr": "Je n'ai pas pu publier la rétro dans ce canal ({error}) : aucune n'a donc été "
        "lancée. Invitez-moi avec `/invite @learnloop`, puis réessayez.",
    },
    "retro.not_in_dm": {
        "en": "Run `/retro` in the channel of the team whose retro it is, for example "
        "`/retro start Sprint 12`.",
        "fr": "Lancez `/retro` dans le canal de l'équipe concernée, par exemple "
        "`/retro start Sprint 12`.",
    },
    "retro.nothing_to_close": {
        "en": "There is no open retro in this channel, so there is nothing to close. Start one "
        "with `/retro start Sprint 12`.",
        "fr": "Aucune rétro n'est ouverte dans ce canal : il n'y a rien à clore. Lancez-en une "
        "avec `/retro start Sprint 12`.",
    },
    "retro.not_facilitator": {
        "en": "Only the facilitator ({facilitator}) or an admin can close this retro.",
        "fr": "Seule la personne qui anime cette rétro ({facilitator}) ou un administrateur "
        "peut la clore.",
    },
    "retro.already_closed": {
        "en": "This retro is already closed: nothing was changed.",
        "fr": "Cette rétro est déjà close : rien n'a été modifié.",
    },
    "retro.closed": {
        "en": "This retro is closed: no items or votes can be added any more. Nothing was changed.",
        "fr": "Cette rétro est close : on ne peut plus y ajouter d'éléments ni de votes. Rien "
        "n'a été modifié.",
    },
    "retro.not_found": {
        "en": "That retro no longer exists: nothing was changed.",
        "fr": "Cette rétro n'existe plus : rien n'a été modifié.",
    },
    "retro.vote_added": {
        "en": "Your vote for #{number} is counted. Votes left: {left} of {limit}. Click the "
        "same button again to take it back.",
        "fr": "Votre vote pour le n°{number} est compté. Il vous reste {left} vote(s) sur "
        "{limit}. Recliquez sur le même bouton pour le retirer.",
    },
    "retro.vote_removed": {
        "en": "You took back your vote for #{number}. Votes left: {left} of {limit}.",
        "fr": "Vous avez retiré votre vote pour le n°{number}. Il vous reste {left} vote(s) "
        "sur {limit}.",
    },
    "retro.vote_limit": {
        "en": "You have used all your {limit} votes, so #{number} did not get one. Take one "
        "back first by clicking an item you voted for.",
        "fr": "Vous avez utilisé vos {limit} votes : le n°{number} n'en a donc pas reçu. "
        "Retirez-en d'abord un en recliquant sur un élément pour lequel vous avez voté.",
    },
    "retro.bad_votes": {
        "en": "`{value}` is not a number of votes: use 1 to {limit}, for example "
        "`/retro start Sprint 12 votes=5`.",
        "fr": "`{value}` n'est pas un nombre de votes valable : utilisez 1 à {limit}, par "
        "exemple `/retro start Sprint 12 votes=5`.",
    },
    "retro.bad_weeks": {
        "en": "`{value}` is not a number of weeks: use 1 to {limit}, for example "
        "`/retro start Sprint 12 weeks=3`.",
        "fr": "`{value}` n'est pas un nombre de semaines valable : utilisez 1 à {limit}, par "
        "exemple `/retro start Sprint 12 semaines=3`.",
    },
    "retro.title_too_long": {
        "en": "That title is {length} characters long and the limit is {limit}: shorten it, "
        "for example `/retro start Sprint 12`.",
        "fr": "Ce titre fait {length} caractères et la limite est de {limit} : "
        "raccourcissez-le, par exemple `/retro start Sprint 12`.",
    },
    "retro.unknown_word": {
        "en": "`{word}` is not a `/retro` command. To start a retro with that title, type "
        "`/retro start {word}`.",
        "fr": "`{word}` n'est pas une commande de `/retro`. Pour lancer une rétro sous ce titre, "
        "tapez `/retro start {word}`.",
    },
    "retro.help": {
        "en": "*`/retro`* runs a retrospective in this channel:\n"
        "• `/retro start [title] [votes=3] [weeks=2]` opens one (votes per person; weeks "
        "before asking whether finished actions worked)\n"
        "• `/retro close` closes it and turns the most voted items into actions\n"
        "• `/retro history` lists this channel's retros and what became of their actions\n"
        "• `/retro export [number]` uploads one retro as a Markdown file",
        "fr": "*`/retro`* anime une rétrospective dans ce canal :\n"
        "• `/retro start [titre] [votes=3] [semaines=2]` en ouvre une (votes par personne ; "
        "semaines avant de demander si les actions terminées ont porté leurs fruits)\n"
        "• `/retro close` la clôt et transforme les éléments les plus votés en actions\n"
        "• `/retro history` liste les rétros de ce canal et ce que sont devenues leurs actions\n"
        "• `/retro export [numéro]` envoie une rétro sous forme de fichier Markdown",
    },
    # -- summary in the thread -------------------------------------------------------------
    "retro.summary_title": {
        "en": "*:memo: Summary of the retro “{title}”*",
        "fr": "*:memo: Résumé de la rétro « {title} »*",
    },
    "retro.summary_fallback": {
        "en": "Summary of the retro {title}",
        "fr": "Résumé de la rétro {title}",
    },
    "retro.summary_cut": {
        "en": "Too many items to show them all here: `/retro export` gives the whole retro as "
        "a file.",
        "fr": "Trop d'éléments pour tous les montrer ici : `/retro export` donne toute la rétro "
        "dans un fichier.",
    },
    "retro.summary_no_actions": {
        "en": "*:dart: Actions decided*\nNone this time.",
        "fr": "*:dart: Actions décidées*\nAucune cette fois-ci.",
    },
    "retro.summary_footer": {
        "en": "{count} items were saved as learnings, each under its lever. Owners get a "
        "reminder the day before their due date; open actions come back at the top of the "
        "next retro.",
        "fr": "{count} éléments ont été enregistrés comme apprentissages, chacun sous son "
        "levier. Chaque responsable reçoit un rappel la veille de son échéance ; les actions "
        "en cours reviennent en tête de la prochaine rétro.",
    },
    # -- reminders -------------------------------------------------------------------------
    "retro.reminder": {
        "en": ":alarm_clock: Tomorrow ({due}) is the due date of the action you took on at the "
        "retro *{title}*:\n{quote}\nWhere does it stand?",
        "fr": ":alarm_clock: Demain ({due}), c'est l'échéance de l'action que vous avez prise en "
        "charge lors de la rétro *{title}* :\n{quote}\nOù en est-elle ?",
    },
    "retro.reminder_done": {"en": "Done", "fr": "C'est fait"},
    "retro.reminder_not_yet": {"en": "Not yet", "fr": "Pas encore"},
    "retro.reminder_drop": {"en": "Drop it", "fr": "Abandonner"},
    "retro.reminder_marked_done": {
        "en": ":white_check_mark: Marked done, thank you!\n{quote}\nIn {weeks} I will "
        "ask the channel whether the change worked.",
        "fr": ":white_check_mark: C'est noté comme fait, merci !\n{quote}\nDans {weeks}, "
        "je demanderai au canal si le changement a porté ses fruits.",
    },
    "retro.reminder_postponed": {
        "en": ":hourglass_flowing_sand: No problem: the due date moves to {due}, and I will "
        "remind you the day before.\n{quote}",
        "fr": ":hourglass_flowing_sand: Pas de souci : l'échéance passe au {due}, et je vous "
        "le rappellerai la veille.\n{quote}",
    },
    "retro.reminder_dropped": {
        "en": ":heavy_multiplication_x: Dropped. The next retro will show it as dropped.\n{quote}",
        "fr": ":heavy_multiplication_x: Action abandonnée. La prochaine rétro l'affichera "
        "comme telle.\n{quote}",
    },
    "retro.action_not_open": {
        "en": "This action was already done or dropped: nothing was changed.",
        "fr": "Cette action était déjà faite ou abandonnée : rien n'a été modifié.",
    },
    "retro.not_owner": {
        "en": "Only the owner of this action ({owner}) can answer for it: nothing was changed.",
        "fr": "Seule la personne responsable de cette action ({owner}) peut répondre : rien "
        "n'a été modifié.",
    },
    # -- the follow-up question ------------------------------------------------------------
    "retro.question": {
        "en": ":mag: {weeks} ago, {owner} finished this action from the retro "
        "*{title}*:\n{quote}\nDid the change work?",
        "fr": ":mag: Il y a {weeks}, {owner} a mené à bien cette action issue de la "
        "rétro *{title}* :\n{quote}\nLe changement a-t-il porté ses fruits ?",
    },
    "retro.weeks_one": {"en": "a week", "fr": "une semaine"},
    "retro.weeks_many": {"en": "{count} weeks", "fr": "{count} semaines"},
    "retro.question_worked": {"en": "It worked", "fr": "Ça a marché"},
    "retro.question_not_yet": {"en": "Not yet", "fr": "Pas encore"},
    "retro.question_tally": {
        "en": ":white_check_mark: It worked: {worked} · :hourglass: Not yet: {not_yet}",
        "fr": ":white_check_mark: Ça a marché : {worked} · :hourglass: Pas encore : {not_yet}",
    },
    "retro.answer_learned": {
        "en": "Thank you, noted. Learning #{id} now counts as learned: {worked} said it "
        "worked, {not_yet} not yet.",
        "fr": "Merci, c'est noté. L'apprentissage n°{id} est désormais considéré comme acquis : "
        "{worked} réponse(s) « ça a marché », {not_yet} « pas encore ».",
    },
    "retro.answer_identified": {
        "en": "Thank you, noted. Learning #{id} stays identified, not yet learned: {worked} "
        "said it worked, {not_yet} not yet.",
        "fr": "Merci, c'est noté. L'apprentissage n°{id} reste identifié, pas encore acquis : "
        "{worked} réponse(s) « ça a marché », {not_yet} « pas encore ».",
    },
    # -- history and export ----------------------------------------------------------------
    "retro.history_title": {"en": "*Retros in this channel*", "fr": "*Rétros de ce canal*"},
    "retro.history_empty": {
        "en": "No retro has been run in this channel yet. Start one with `/retro start Sprint 12`.",
        "fr": "Aucune rétro n'a encore eu lieu dans ce canal. Lancez-en une avec "
        "`/retro start Sprint 12`.",
    },
    "retro.history_line": {
        "en": "*#{id}* {name} · {day} · {state} · items: {items}",
        "fr": "*n°{id}* {name} · {day} · {state} · éléments : {items}",
    },
    "retro.history_open": {"en": "open", "fr": "en cours"},
    "retro.history_closed": {"en": "closed on {day}", "fr": "close le {day}"},
    "retro.history_no_actions": {"en": "_No actions._", "fr": "_Aucune action._"},
    "retro.history_hint": {
        "en": "Export one with `/retro export <number>`, for example `/retro export 3`.",
        "fr": "Exportez-en une avec `/retro export <numéro>`, par exemple `/retro export 3`.",
    },
    "retro.export_none": {
        "en": "No retro has been run in this channel yet, so there is nothing to export.",
        "fr": "Aucune rétro n'a encore eu lieu dans ce canal : il n'y a rien à exporter.",
    },
    "retro.export_not_found": {
        "en": "There is no retro `{value}` in this channel. `/retro history` lists them with "
        "their numbers, for example `/retro export 3`.",
        "fr": "Il n'y a pas de rétro `{value}` dans ce canal. `/retro history` les liste avec "
        "leur numéro, par exemple `/retro export 3`.",
    },
    "retro.export_started": {
        "en": "Preparing the Markdown file of the retro *{title}*…",
        "fr": "Je prépare le fichier Markdown de la rétro *{title}*…",
    },
    "retro.export_failed": {
        "en": "I could not upload the file here ({error}). Invite me with "
        "`/invite @learnloop`, then try again.",
        "fr": "Je n'ai pas pu envoyer le fichier ici ({error}). Invitez-moi avec "
        "`/invite @learnloop`, puis réessayez.",
    },
    "retro.export_comment": {
        "en": "The retro *{title}* as Markdown, asked for by {user}.",
        "fr": "La rétro *{title}* au format Markdown, demandée par {user}.",
    },
    "retro.export_open": {
        "en": "Still open · items: {items} · voters: {voters}",
        "fr": "Toujours en cours · éléments : {items} · votants : {voters}",
    },
    "retro.export_closed": {
        "en": "Closed · items: {items} · voters: {voters}",
        "fr": "Close · éléments : {items} · votants : {voters}",
    },
    "retro.export_no_items": {"en": "Nothing.", "fr": "Rien."},
    "retro.export_actions": {"en": "Actions", "fr": "Actions"},
    "retro.export_table_head": {
        "en": "| Action | Owner | Due | Status |",
        "fr": "| Action | Responsable | Échéance | Statut |",
    },
    "retro.export_status_open": {"en": "open", "fr": "en cours"},
    "retro.export_status_overdue": {"en": "overdue", "fr": "en retard"},
    "retro.export_status_done": {"en": "done", "fr": "réalisée"},
    "retro.export_status_dropped": {"en": "dropped", "fr": "abandonnée"},
    "retro.export_evidence": {
        "en": " (it worked: {worked}, not yet: {not_yet})",
        "fr": " (ça a marché : {worked}, pas encore : {not_yet})",
    },
    "retro.export_no_actions": {
        "en": "No actions were decided.",
        "fr": "Aucune action n'a été décidée.",
    },
}
