"""Words of the install pages (the OAuth flow in a browser) and of a missing installation."""

MESSAGES = {
    "install.page.title_done": {
        "en": "learnloop is installed",
        "fr": "learnloop est installé",
    },
    "install.page.done": {
        "en": "learnloop now works in {team}. Go back to Slack and type /learning in a channel "
        "to log what your team learned.",
        "fr": "learnloop fonctionne maintenant dans {team}. Revenez dans Slack et tapez /learning "
        "dans un canal pour noter ce que votre équipe a appris.",
    },
    "install.page.open_slack": {"en": "Open Slack", "fr": "Ouvrir Slack"},
    "install.page.title_failed": {
        "en": "The installation did not finish",
        "fr": "L'installation n'a pas abouti",
    },
    "install.page.start_again": {
        "en": "Start the installation again",
        "fr": "Recommencer l'installation",
    },
    "install.failed.invalid_state": {
        "en": "This installation link has expired or has already been used. Start the "
        "installation again below: the new link is valid for 10 minutes.",
        "fr": "Ce lien d'installation a expiré ou a déjà servi. Recommencez l'installation "
        "ci-dessous : le nouveau lien reste valable 10 minutes.",
    },
    "install.failed.invalid_browser": {
        "en": "This page was opened in another browser than the one that started the "
        "installation, or that browser blocks cookies. Start the installation again below, "
        "in this browser, with cookies allowed for this site.",
        "fr": "Cette page a été ouverte dans un autre navigateur que celui qui a commencé "
        "l'installation, ou ce navigateur bloque les cookies. Recommencez l'installation "
        "ci-dessous, dans ce navigateur, en autorisant les cookies pour ce site.",
    },
    "install.failed.access_denied": {
        "en": "The installation was cancelled in Slack, so nothing was installed. To install "
        "learnloop, start again below and choose Allow.",
        "fr": "L'installation a été annulée dans Slack : rien n'a été installé. Pour installer "
        "learnloop, recommencez ci-dessous et choisissez Autoriser.",
    },
    "install.failed.invalid_code": {
        "en": "Slack did not confirm this installation (the code it sent was refused). Start "
        "the installation again below.",
        "fr": "Slack n'a pas confirmé cette installation (le code envoyé a été refusé). "
        "Recommencez l'installation ci-dessous.",
    },
    "install.failed.storage_error": {
        "en": "Slack confirmed the installation, but learnloop could not save it. Wait a "
        "minute and start again below; if it fails again, tell whoever runs learnloop.",
        "fr": "Slack a confirmé l'installation, mais learnloop n'a pas pu l'enregistrer. "
        "Attendez une minute et recommencez ci-dessous ; si cela échoue encore, prévenez "
        "la personne qui gère learnloop.",
    },
    "install.failed.other": {
        "en": "Slack answered with “{reason}”. Start the installation again below.",
        "fr": "Slack a répondu « {reason} ». Recommencez l'installation ci-dessous.",
    },
    "install.not_installed": {
        "en": ":warning: learnloop is not installed in this workspace any more, so nothing "
        "was done. Ask a workspace admin to install it again.",
        "fr": ":warning: learnloop n'est plus installé dans cet espace de travail : rien n'a "
        "été fait. Demandez à un administrateur de l'espace de le réinstaller.",
    },
}
