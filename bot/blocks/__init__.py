"""Block Kit builders: pure functions returning dicts, one module per surface, words from
the message catalogue."""
