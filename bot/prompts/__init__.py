"""Reflection prompts: questions per lever, schedules, posting, and replies kept as learnings."""
