"""Test support: databases and a running bot."""
