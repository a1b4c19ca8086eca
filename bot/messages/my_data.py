"""Words of data rights: `/learning my-data`, deleting one's data, and the retention setting."""

MESSAGES = {
    "my_data.usage": {
        "en": "• `/learning my-data` — get a file of everything stored about you, and delete it",
        "fr": "• `/learning my-data` — recevoir un fichier de tout ce qui est stocké sur vous, "
        "et l'effacer",
    },
    "my_data.started": {
        "en": "I am sending you, in a direct message, a JSON file of everything learnloop "
        "stores about you.",
        "fr": "Je vous envoie en message direct un fichier JSON de tout ce que learnloop "
        "conserve sur vous.",
    },
    "my_data.explain": {
        "en": "*Delete my data* erases it all in this workspace: the learnings you logged are "
        "deleted for good (handover debriefs included); your name is removed from learnings "
        "others saved from your messages and from retro items, schedules and resources you "
        "set up; your votes, retro actions, check-in answers and onboarding path are deleted. "
        "Learnings you logged anonymously hold no trace of you, so they are not yours to find "
        "and stay as they are. This cannot be undone.",
        "fr": "*Effacer mes données* efface tout dans cet espace de travail : les "
        "apprentissages que vous avez notés sont supprimés définitivement (debriefs de départ "
        "compris) ; votre nom est retiré des apprentissages que d'autres ont tirés de vos "
        "messages ainsi que des éléments de rétro, planifications et ressources que vous avez "
        "créés ; vos votes, actions de rétro, réponses aux points d'étape et votre parcours "
        "d'intégration sont supprimés. Les apprentissages notés anonymement ne gardent aucune "
        "trace de vous : ils ne peuvent pas vous être rattachés et restent tels quels. "
        "Cette action est irréversible.",
    },
    "my_data.delete_button": {"en": "Delete my data", "fr": "Effacer mes données"},
    "my_data.confirm_title": {"en": "Delete your data?", "fr": "Effacer vos données ?"},
    "my_data.confirm_text": {
        "en": "Everything learnloop stores about you in this workspace will be deleted or "
        "made anonymous. This cannot be undone.",
        "fr": "Tout ce que learnloop conserve sur vous dans cet espace de travail sera "
        "supprimé ou anonymisé. Cette action est irréversible.",
    },
    "my_data.confirm_yes": {"en": "Delete", "fr": "Effacer"},
    "my_data.file_title": {
        "en": "Your learnloop data ({day})",
        "fr": "Vos données learnloop ({day})",
    },
    "my_data.file_ready": {
        "en": "Here is everything learnloop stores about you: {count} records.",
        "fr": "Voici tout ce que learnloop conserve sur vous : {count} enregistrements.",
    },
    "my_data.upload_failed": {
        "en": "I could not send you the file. Please try `/learning my-data` again in a minute.",
        "fr": "Je n'ai pas pu vous envoyer le fichier. Réessayez `/learning my-data` dans une "
        "minute.",
    },
    "my_data.upload_unconfirmed": {
        "en": "Slack did not confirm that the file reached you: look in your direct messages "
        "with me before trying `/learning my-data` again.",
        "fr": "Slack n'a pas confirmé que le fichier vous est parvenu : regardez dans vos "
        "messages privés avec moi avant de relancer `/learning my-data`.",
    },
    "my_data.deleted": {
        "en": "Done: {deleted} learnings you logged were deleted, and {total} records about you "
        "in all were deleted or made anonymous. Nothing in learnloop names you any more.",
        "fr": "C'est fait : {deleted} apprentissages que vous aviez notés ont été supprimés, et "
        "{total} enregistrements vous concernant au total ont été supprimés ou anonymisés. Plus "
        "rien dans learnloop ne vous nomme.",
    },
    "my_data.not_yours": {
        "en": "Only the person whose data this is can delete it. Type `/learning my-data` to "
        "manage your own.",
        "fr": "Seule la personne concernée peut effacer ses données. Tapez `/learning my-data` "
        "pour gérer les vôtres.",
    },
    "my_data.not_deleted": {
        "en": "Your data was not deleted: the database did not answer. Nothing changed; please "
        "try again in a minute.",
        "fr": "Vos données n'ont pas été effacées : la base de données n'a pas répondu. Rien "
        "n'a changé ; réessayez dans une minute.",
    },
    "my_data.retention": {
        "en": "*Learnings kept*\n{value}",
        "fr": "*Conservation des apprentissages*\n{value}",
    },
    "my_data.retention_forever": {"en": "Forever", "fr": "Sans limite"},
    "my_data.retention_days": {"en": "{days} days", "fr": "{days} jours"},
    "my_data.retention_label": {
        "en": "Delete learnings after (days)",
        "fr": "Supprimer les apprentissages après (jours)",
    },
    "my_data.retention_hint": {
        "en": "0 keeps them forever; otherwise from 30 to 3650 days. Older learnings are "
        "deleted for good.",
        "fr": "0 les garde sans limite ; sinon de 30 à 3650 jours. Les apprentissages plus "
        "anciens sont supprimés définitivement.",
    },
    "my_data.bad_retention": {
        "en": "`{value}` is not a retention period: write 0 (keep forever) or a number of days "
        "from 30 to {limit}, e.g. 365.",
        "fr": "`{value}` n'est pas une durée de conservation : écrivez 0 (sans limite) ou un "
        "nombre de jours entre 30 et {limit}, par exemple 365.",
    },
}
