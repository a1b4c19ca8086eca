"""Where the team stands: check-ins, coverage, digests with charts, and reports."""
