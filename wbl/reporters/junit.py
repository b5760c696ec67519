"""JUnit XML, for CI systems that show test reports: one test suite per file.

Each finding that fails the run (by default an error or a warning; `fail-on` moves the line, as
in `RenderOptions.fail_on`) is a failing test case named after its rule and position; any other
finding, such as an ``info`` hint, is a passing case with the finding as its output, so a run that
exits 0 shows green and one that fails shows its failures. A file without findings has one
passing case, so that clean files show up too; an unreadable file has an erroring case.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

from wbl.findings import FileReport, Report
from wbl.reporters.base import RenderOptions
from wbl.reporters.text import headline
from wbl.rule import Severity


@cache
def _invalid_xml() -> re.Pattern[str]:
    """Characters XML 1.0 cannot hold at all, not even escaped (compiled when first needed)."""
    return re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _invalid_xml().sub("\ufffd", text)


def render_junit(report: Report, options: RenderOptions | None = None) -> str:
    root = ET.Element("testsuites", name="wbl")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file_report in report.files:
        threshold = options.fail_on(file_report) if options and options.fail_on else Severity.WARNING
        suite = _suite(file_report, threshold)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _suite(file_report: FileReport, fail_on: Severity) -> ET.Element:
    path = _clean(file_report.path)
    suite = ET.Element("testsuite", name=path)
    if file_report.errors:
        case = ET.SubElement(suite, "testcase", name="wbl", classname=path)
        error = ET.SubElement(case, "error", message=_clean(file_report.error or ""), type="InputError")
        error.text = _clean("\n".join(file_report.errors))
    failures = 0
    for f in file_report.findings:
        case = ET.SubElement(
            suite, "testcase", name=f"{f.rule} {f.name} at line {f.line}, column {f.column}", classname=path
        )
        if f.severity.rank < fail_on.rank:
            ET.SubElement(case, "system-out").text = _clean(headline(f))
            continue
        failures += 1
        failure = ET.SubElement(case, "failure", message=_clean(f.full_message), type=f"{f.rule} [{f.severity.value}]")
        failure.text = _clean(headline(f))
    if not file_report.errors and not file_report.findings:
        ET.SubElement(suite, "testcase", name="no findings", classname=path)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", "1" if file_report.errors else "0")
    return suite
