"""Words of `learnloop serve`."""

MESSAGES = {
    "serve.cannot_listen": {
        "en": "Cannot listen on {host}:{port} ({reason}); nothing was started. Stop what "
        "listens there, or choose another port, e.g. `learnloop serve --port 3001`.",
        "fr": "Impossible d'écouter sur {host}:{port} ({reason}) ; rien n'a été démarré. "
        "Arrêtez ce qui y écoute, ou choisissez un autre port, par exemple "
        "`learnloop serve --port 3001`.",
    },
}
