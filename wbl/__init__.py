"""wbl, the Working Backwards linter: checks PR/FAQ documents in Markdown.

Library use::

    import wbl
    report = wbl.lint_text(text, path="prfaq.md")   # FileReport: findings, metrics, errors
    report = wbl.lint_paths(["docs/"])                # Report over many files

Nothing here prints. Importing wbl does not import spaCy; the pipeline loads on first lint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wbl.engine import Linter, LintOptions
from wbl.findings import FileReport, Finding, Report
from wbl.registry import Registry, default_registry, discover
from wbl.rule import Example, Figure, Rule, RuleContext, Severity, Violation, rule
from wbl.version import __version__
from wbl.vocabulary import Vocabulary

if TYPE_CHECKING:
    from wbl.project import Project, lint_paths, lint_text

_PROJECT_NAMES = ("Project", "lint_paths", "lint_text")


def __getattr__(name: str) -> Any:
    # The project layer (configuration files, the result cache, processes) is imported when first
    # used, so that `import wbl` stays as light as the engine.
    if name in _PROJECT_NAMES:
        from wbl import project

        return getattr(project, name)
    raise AttributeError(f"module 'wbl' has no attribute {name!r}")


__all__ = [
    "Example",
    "Figure",
    "FileReport",
    "Finding",
    "LintOptions",
    "Linter",
    "Project",
    "Registry",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "Violation",
    "Vocabulary",
    "__version__",
    "default_registry",
    "discover",
    "lint_paths",
    "lint_text",
    "rule",
]
