"""`learnloop console`: the real bot in a terminal, against a stand-in Slack on loopback.

lines.py parses what is typed, render.py and mrkdwn.py turn Block Kit into text, controls.py
finds what a click or a fill meant, session.py plays each line against the bot.
"""
