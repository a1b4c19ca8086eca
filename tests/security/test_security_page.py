"""Every promise in SECURITY.md points at tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
REFERENCE = re.compile(r"`(tests/[\w/*.]+\.py)(?:::(\w+))?`")


def test_every_test_security_md_names_exists():
    references = REFERENCE.findall((ROOT / "SECURITY.md").read_text())
    assert len(references) >= 20
    for path, name in references:
        files = sorted(ROOT.glob(path))
        assert files, f"SECURITY.md names {path}, which does not exist"
        if name:
            assert any(f"def {name}(" in file.read_text() for file in files), (
                f"SECURITY.md names {path}::{name}, which does not exist"
            )
