"""A small TOML writer for what wbl prints back to users (rule options, effective settings).

Only what configuration values hold: strings, booleans, numbers, lists, tables and arrays of
tables. Strings are written as JSON strings, which are valid TOML basic strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def toml_value(value: Any) -> str:
    """A value on one line (tables inline)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(str(value), ensure_ascii=False)


def toml_table(name: str, mapping: Mapping[str, Any], *, width: int = 100, array: bool = False) -> list[str]:
    """``[name]`` (or ``[[name]]``) and its keys; sub-tables and arrays of tables follow it.

    Lists longer than `width` are wrapped over several lines.
    """
    lines = [f"[[{name}]]" if array else f"[{name}]"]
    nested: list[tuple[str, Any]] = []
    for key, value in mapping.items():
        if isinstance(value, Mapping) or (
            isinstance(value, (list, tuple)) and value and all(isinstance(v, Mapping) for v in value)
        ):
            nested.append((key, value))
        else:
            lines.append(_assignment(toml_key(key), value, width))
    for key, value in nested:
        sub = f"{name}.{toml_key(key)}"
        if isinstance(value, Mapping):
            lines += ["", *toml_table(sub, value, width=width)]
        else:
            for table in value:
                lines += ["", *toml_table(sub, table, width=width, array=True)]
    return lines


def _assignment(key: str, value: Any, width: int) -> str:
    line = f"{key} = {toml_value(value)}"
    if len(line) <= width or not isinstance(value, (list, tuple)):
        return line
    rows: list[str] = []
    for item in (f"{toml_value(v)}," for v in value):
        if rows and len(rows[-1]) + 1 + len(item) <= width:
            rows[-1] += " " + item
        else:
            rows.append("  " + item)
    return "\n".join([f"{key} = [", *rows, "]"])


__all__ = ["toml_key", "toml_table", "toml_value"]
