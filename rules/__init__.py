"""wbl's built-in rule pack, installed as ``wbl_rules`` from the top-level ``rules/`` folder.

Every rule is a TOML file under a category folder (metadata, word lists, thresholds, messages),
with ``.good.md`` / ``.bad.md`` examples beside it; rules that need logic point at a function in
the folder's ``checks.py``. wbl registers this pack through the ``wbl.rules`` entry point, the
same door third-party packs use.
"""

from __future__ import annotations

from wbl.kinds import load_pack
from wbl.rule import Rule


def load() -> list[Rule]:
    return load_pack(__name__)
