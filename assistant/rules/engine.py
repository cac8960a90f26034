"""Free text in, verdicts out: ``check`` ties extraction, the rules and the timeline together."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.rules.eligibility import evaluate
from assistant.rules.extract import extract_profile
from assistant.rules.params import ProjectKey, constraints
from assistant.rules.profile import Profile
from assistant.rules.timeline import Timeline, timeline
from assistant.rules.verdict import Verdict

GENERAL_FACTS = ("voluntary", "quota", "no_fees", "falsification", "recognized")


class CheckResult(BaseModel):
    profile: Profile
    verdicts: dict[ProjectKey, Verdict]
    timeline: Timeline


class GeneralFact(BaseModel):
    key: str
    text: str
    citation: Citation


def check(text: str, library: Library, *, as_of: date | None = None, previous: Profile | None = None
          ) -> CheckResult:
    """Pre-screen a description: its profile, a verdict per project type, and the timeline.

    The date is ``as_of``, else a date the text states (今天是…), else today.
    """
    profile = extract_profile(text, previous)
    when = as_of or profile.as_of or date.today()
    profile = profile.model_copy(update={"as_of": when})
    return CheckResult(profile=profile, verdicts=evaluate(profile, library), timeline=timeline(when, library))


def general_facts(library: Library) -> list[GeneralFact]:
    """What holds for every applicant: voluntary, within the quota, no fees, no falsification, titles stay valid."""
    rules = constraints()
    return [GeneralFact(key=key, text=rules[key].description, citation=rules[key].reference.cite(library))
            for key in GENERAL_FACTS]
