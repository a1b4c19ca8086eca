"""Persistence: models, queries and migrations. Query functions take a session and never commit."""
