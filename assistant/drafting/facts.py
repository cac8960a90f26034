"""The applicant's facts: a YAML/JSON file or a dict from the UI form.

File schema (see ``eval/drafting/facts_enterprise.yaml``)::

    type: enterprise            # optional; project type key, must match the requested type
    facts:                      # fact key (or its Chinese label) -> value
      unit_name: 某某科技股份有限公司
      近三年发明专利授权量: 128
      typical_practices: |
        多行文字……

The valid keys and labels of each type are the ``facts`` of its outline (``assistant.drafting.outline``).
Empty values count as missing and become 【待补充：…】 placeholders in the draft.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.drafting.outline import Outline
from assistant.errors import InvalidInputError

FactValue = str | int | float | None
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


class ApplicantFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str | None = None
    facts: dict[str, FactValue] = {}


def load_facts(path: Path) -> ApplicantFacts:
    """Read a facts file (.yaml/.yml/.json); errors name the file and the problem."""
    try:
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
        return ApplicantFacts.model_validate(raw or {})
    except (OSError, ValueError, yaml.YAMLError) as error:
        detail = error.errors()[0]["msg"] if isinstance(error, ValidationError) else str(error)
        raise InvalidInputError(f"事实文件 {path.name} 无法读取：{detail[:200]}") from None


def format_value(value: FactValue, unit: str) -> str:
    """A fact as written in the draft: numbers without a trailing .0 and with their unit."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return f"{text}{unit}" if unit and PLAIN_NUMBER.fullmatch(text) else text


def resolve_facts(outline: Outline, facts: ApplicantFacts | dict[str, FactValue] | None,
                  type_key: str) -> dict[str, str]:
    """Facts by key, formatted, empty ones dropped; unknown keys are an error the user can fix."""
    given = facts if isinstance(facts, ApplicantFacts) else ApplicantFacts(facts=facts or {})
    if given.type and given.type != type_key:
        raise InvalidInputError(f"事实文件的项目类型是 {given.type}，与所选类型 {type_key} 不一致")
    specs = {spec.key: spec for spec in outline.facts()}
    by_label = {spec.label: spec.key for spec in specs.values()}
    resolved: dict[str, str] = {}
    unknown = []
    for name, value in given.facts.items():
        key = name if name in specs else by_label.get(name)
        if key is None:
            unknown.append(name)
        elif value is not None and str(value).strip():
            resolved[key] = format_value(value, specs[key].unit)
    if unknown:
        raise InvalidInputError(f"{outline.name}的提纲中没有这些事实项：{'、'.join(unknown)}")
    return resolved
