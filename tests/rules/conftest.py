"""Fixtures for the rules tests, and a tiny plugin that runs the YAML cases in ``cases/`` (OpenFisca style).

A case: ``name``, ``input`` (a Profile), ``output`` (expected status per project type) and optionally
``ask`` / ``reason`` (a substring expected in a verdict's questions / reason) and ``cites`` (clause ids
expected, in order, in a verdict's citations).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.corpus.library import Library
from assistant.rules import Profile, evaluate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def library() -> Library:
    return Library(ROOT / "corpus")


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent == Path(__file__).parent / "cases":
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):
        for case in yaml.safe_load(self.path.read_text(encoding="utf-8")):
            yield CaseItem.from_parent(self, name=case["name"], case=case)


class CaseMismatch(Exception):
    """A verdict differs from what the case expects."""


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        verdicts = evaluate(Profile.model_validate(self.case["input"]), Library(ROOT / "corpus"))
        problems = []
        for key, status in self.case["output"].items():
            if verdicts[key].status != status:
                problems.append(f"{key}: expected {status}, got {verdicts[key].status} — {verdicts[key].reason}")
        for key, text in self.case.get("ask", {}).items():
            if not any(text in question for question in verdicts[key].ask):
                problems.append(f"{key}: no question mentions {text!r}: {verdicts[key].ask}")
        for key, text in self.case.get("reason", {}).items():
            if text not in verdicts[key].reason:
                problems.append(f"{key}: reason lacks {text!r}: {verdicts[key].reason}")
        for key, ids in self.case.get("cites", {}).items():
            cited = list(dict.fromkeys(c.id for c in verdicts[key].citations))
            if cited[:len(ids)] != ids:
                problems.append(f"{key}: cites {cited}, expected {ids} first")
        if problems:
            raise CaseMismatch("\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseMismatch):
            return f"case {self.name!r} ({self.path.name}):\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"case: {self.name}"
