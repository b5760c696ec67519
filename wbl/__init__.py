"""wbl, the Working Backwards linter: checks PR/FAQ documents in Markdown.

Library use::

    import wbl
    report = wbl.lint_text(text, path="prfaq.md")   # FileReport: findings, metrics, errors
    report = wbl.lint_paths(["docs/"])                # Report over many files

Nothing here prints. Importing wbl does not import spaCy; the pipeline loads on first lint.
"""

from __future__ import annotations

from wbl.engine import FileReport, Finding, Linter, LintOptions, Report, lint_paths, lint_text
from wbl.registry import Registry, default_registry, discover
from wbl.rule import Example, Rule, RuleContext, Severity, Violation, rule

__version__ = "0.1.0"

__all__ = [
    "Example",
    "FileReport",
    "Finding",
    "LintOptions",
    "Linter",
    "Registry",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "Violation",
    "__version__",
    "default_registry",
    "discover",
    "lint_paths",
    "lint_text",
    "rule",
]
