"""`learnloop console --script FILE`: the installed command plays a script against the real bot."""

from __future__ import annotations

import re

from tests.console.support import console, learnings

SCRIPT = """\
# Two learnings; the second one's lever is guessed, then corrected from its menu.
/learning onboarding: pair each newcomer with a buddy for their first week
/learning We moved every template to the wiki
click "Team learning"
as @bruno fr
/learning fidélisation : un entretien de maintien chaque trimestre
say bonjour l'équipe
reply 99 personne
clik 1 "Team learning"
time +2h
"""


def test_a_script_plays_against_the_real_bot_and_the_database_keeps_it(database_url, tmp_path):
    result = console(SCRIPT, database_url, tmp_path)
    transcript = result.stdout

    # Two lines were refused (exit 1), each with a one-line hint, and the session went on.
    assert result.returncode == 1, result.stderr
    hints = [line for line in transcript.splitlines() if line.startswith("? ")]
    assert len(hints) == 2
    assert re.fullmatch(r"\? there is no \[99\] \(numbers shown so far: 1 to \d+\)", hints[0])
    assert hints[1:] == [
        '? unknown verb "clik": to post a message type "say clik 1 "Team learning"", '
        'or "help" for the list of verbs',
    ]
    assert "Traceback" not in result.stderr

    # Each scripted line is echoed after the prompt of whoever typed it.
    assert "alice in #general › /learning We moved every template to the wiki" in transcript
    assert "bruno in #general › say bonjour l'équipe" in transcript

    # The bot's answers, rendered as text, numbered, and in each person's language.
    assert "[1] learnloop · #general · only @alice sees this" in transcript
    assert "pair each newcomer with a buddy for their first week" in transcript
    assert "Onboarding newcomers" in transcript
    assert "[2] learnloop · #general · only @alice sees this" in transcript
    assert "options: :seedling: Self-learning · :busts_in_silhouette: Team learning" in transcript
    assert "[2] learnloop · #general · only @alice sees this · replaced" in transcript
    assert "· you are @bruno (new, fr)" in transcript
    assert "[3] learnloop · #general · only @bruno sees this" in transcript
    assert "Fidélisation du personnel" in transcript
    assert "bonjour l'équipe" in transcript
    assert "⏱ it is now" in transcript

    # What the bot stored, through its real handlers.
    stored = learnings(database_url)
    assert [(x.user_id, x.channel_id, x.lever, x.text) for x in stored] == [
        (
            "UALICE",
            "CGENERAL",
            "onboarding",
            "pair each newcomer with a buddy for their first week",
        ),
        ("UALICE", "CGENERAL", "team_learning", "We moved every template to the wiki"),
        ("UBRUNO", "CGENERAL", "retention", "un entretien de maintien chaque trimestre"),
    ]
