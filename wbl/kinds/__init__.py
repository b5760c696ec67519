"""Rule kinds: the rule shapes written once in code, that rule files in a pack instantiate.

`existence` (listed words), `substitution` (listed words with a replacement), `metric` (a measure
against limits), `density` (a share of listed terms), `required-part` (PR/FAQ parts that must be
there) and `python` (a function of the pack). See `wbl.kinds.base` for what a kind is and
`wbl.kinds.pack` for the rule file format.
"""

from __future__ import annotations

from wbl.kinds.base import Kind
from wbl.kinds.pack import KINDS, load_pack, load_rule
from wbl.kinds.python import RuleDataError

__all__ = ["KINDS", "Kind", "RuleDataError", "load_pack", "load_rule"]
