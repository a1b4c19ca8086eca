"""Many `/learning`s at once over HTTP: each stored once, under the number its author was told.

On SQLite the ones that arrive while another is being written share its next transaction
(storage/group_commit.py): each thread must still get its own row's number back.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from storage.models import Learning

AUTHORS = ("UALICE", "UBRUNO")  # one reads English, the other French
SAVED = re.compile(r"(?:Saved as learning #|Enregistré comme apprentissage n°)(\d+)")


def test_learnings_sent_at_once_are_each_stored_once_under_the_number_confirmed(bot):
    texts = [f"stay interview number {n} told us something new" for n in range(40)]

    def send(n: int):
        return bot.requester.command(
            "/learning", f"retention: {texts[n]}", user_id=AUTHORS[n % 2], channel_id="CGENERAL"
        )

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(send, range(len(texts))))

    confirmed: dict[int, tuple[str, str]] = {}
    for n, response in enumerate(responses):
        assert response.status == 200
        saved = SAVED.search(response.json()["text"])
        assert saved, response.json()["text"]
        confirmed[int(saved.group(1))] = (texts[n], AUTHORS[n % 2])
    with bot.deps.sessions() as session:
        stored = {
            row.id: (row.text, row.user_id)
            for row in session.execute(select(Learning.id, Learning.text, Learning.user_id))
        }
    assert stored == confirmed
    assert len(stored) == len(texts)
