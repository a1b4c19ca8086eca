"""App Home: composing it from feature sections, publishing it, and the admins' settings."""
