"""Parameters as data: the YAML files in ``parameters/``, each value tied to a clause of the notice."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.language.dates import cn_date

PARAMETERS_DIR = Path(__file__).resolve().parent / "parameters"

ProjectKey = Literal["city", "county", "park", "service_zone", "enterprise", "university", "institute"]
PROJECT_KEYS: tuple[ProjectKey, ...] = ("city", "county", "park", "service_zone", "enterprise", "university",
                                        "institute")


class Reference(BaseModel):
    """A clause id and the verbatim quote that supports a parameter."""

    model_config = ConfigDict(frozen=True)

    clause: str
    quote: str

    def cite(self, library: Library) -> Citation:
        return library.cite(self.clause, self.quote)


class ProjectType(BaseModel):
    key: ProjectKey
    name: str
    short: str
    aliases: list[str] = []
    listed: Reference
    applicants: Reference
    who: str
    government_places: list[str] = []
    holder_kind: str = ""
    contact: Reference

    @property
    def names(self) -> list[str]:
        """Every wording of this type, longest first."""
        return sorted({self.name, self.short, *self.aliases}, key=len, reverse=True)


class Constraint(BaseModel):
    description: str
    reference: Reference


class PeriodParam(BaseModel):
    key: str
    label: str
    start: date
    end: date
    display: str  # the notice's own wording of the period
    duty: str
    reference: Reference


class DeadlineParam(BaseModel):
    key: str
    label: str
    date: date
    display: str = ""  # the notice's wording when it is not "<date>前"
    duty: str
    applicant_duty: bool
    reference: Reference

    @property
    def wording(self) -> str:
        return self.display or f"{cn_date(self.date)}前"


class RoundParam(BaseModel):
    first_year: int
    every_years: int
    reference: Reference

    @property
    def wording(self) -> str:
        return f"自{self.first_year}年起每{self.every_years}年启动一届"


class IssuedParam(BaseModel):
    date: date
    reference: Reference


class Timetable(BaseModel):
    issued: IssuedParam
    round: RoundParam
    periods: list[PeriodParam]
    deadlines: list[DeadlineParam]

    def wordings(self) -> dict[str, str]:
        """Every date of the timetable as the notice words it, by key (for sentences such as ``于{receipt}``)."""
        return {"issued": cn_date(self.issued.date), "round": self.round.wording,
                **{p.key: p.display for p in self.periods}, **{d.key: d.wording for d in self.deadlines}}


def load_yaml(name: str) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: faster cold start
    return yaml.load((PARAMETERS_DIR / name).read_text(encoding="utf-8"), Loader=loader)


@lru_cache(maxsize=1)
def project_types() -> dict[ProjectKey, ProjectType]:
    data = load_yaml("projects.yaml")
    return {key: ProjectType(key=key, **data[key]) for key in PROJECT_KEYS}


@lru_cache(maxsize=1)
def constraints() -> dict[str, Constraint]:
    return {key: Constraint.model_validate(value) for key, value in load_yaml("constraints.yaml").items()}


@lru_cache(maxsize=1)
def timetable() -> Timetable:
    return Timetable.model_validate(load_yaml("timetable.yaml"))


@lru_cache(maxsize=1)
def places() -> dict[str, Any]:
    return load_yaml("places.yaml")


def all_references() -> list[Reference]:
    """Every clause reference in the parameter files (a test verifies each against the notice)."""
    refs = [r for t in project_types().values() for r in (t.listed, t.applicants, t.contact)]
    refs += [c.reference for c in constraints().values()]
    table = timetable()
    refs += [table.issued.reference, table.round.reference]
    refs += [p.reference for p in table.periods] + [d.reference for d in table.deadlines]
    return refs
