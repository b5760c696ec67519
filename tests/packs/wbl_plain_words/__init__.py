"""A third-party rule pack made of data only: one TOML file per rule, its examples beside it.

Its distribution registers it with ``[project.entry-points."wbl.rules"] plain-words =
"wbl_plain_words:load"`` and ships the TOML and Markdown files as package data.
"""

from __future__ import annotations

from wbl import Rule
from wbl.kinds import load_pack


def load() -> list[Rule]:
    return load_pack(__name__)
