"""`python -m bench.apps KIND --port P --workers W --threads T`: a reference app under gunicorn.

It runs with the very settings `learnloop serve` gives gunicorn (bot/gunicorn_settings.py
`gunicorn_options`), so the three apps differ only in their own code.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.gunicorn_settings import gunicorn_options


class ReferenceServer(BaseApplication):
    def __init__(self, kind: str, options: dict[str, Any]) -> None:
        self.kind = kind
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return importlib.import_module(f"bench.apps.{self.kind}").application


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.apps")
    parser.add_argument("kind", choices=["bare", "floor"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--threads", type=int, required=True)
    args = parser.parse_args()
    options = gunicorn_options(
        host="127.0.0.1", port=args.port, workers=args.workers, threads=args.threads
    )
    ReferenceServer(args.kind, options).run()


if __name__ == "__main__":
    main()
