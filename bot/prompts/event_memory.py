"""How long handled Slack event ids are remembered, and the clock job that forgets older ones.

An event id is recorded so that Slack's redelivery of the same event does nothing twice. Slack
retries a delivery that failed three times: at once, after about 1 minute and after about
5 minutes, then gives up. EVENT_MEMORY keeps ids for 24 hours, far beyond that schedule (and
beyond clocks a few minutes apart, or a delivery held up during a Slack incident), while the
table stays at about one day of events. An event older than that which still came back would
do no harm: a reply is stored once under its message key, a deleted learning stays deleted, and
an edit sets the same words again.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.deps import Deps
from storage.prompts import forget_events_before

log = logging.getLogger(__name__)

EVENT_MEMORY = timedelta(hours=24)
# Rows deleted per transaction, so that a first run on a long-lived table holds no long lock.
BATCH = 5000


def forget_handled_events(deps: Deps, now: datetime) -> None:
    """Clock job: delete the event ids received more than EVENT_MEMORY ago.

    Deleting what is older than a moment is idempotent, so two clocks running it are harmless.
    """
    cutoff, forgotten = now - EVENT_MEMORY, 0
    while True:
        with deps.sessions.begin() as session:
            deleted = forget_events_before(session, cutoff, BATCH)
        forgotten += deleted
        if deleted < BATCH:
            break
    if forgotten:
        log.info("forgot %d handled event ids older than %s", forgotten, EVENT_MEMORY)
