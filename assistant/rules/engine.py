"""Free text in, verdicts out: ``check`` ties extraction, the rules and the timeline together."""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel, Field

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.rules import kinds, places
from assistant.rules.conditions import with_conditions
from assistant.rules.eligibility import evaluate
from assistant.rules.extract import extract_profile, mentioned_types, project_names
from assistant.rules.listed import ListedTitle, find_listed, lists_loaded
from assistant.rules.params import ProjectKey, constraints
from assistant.rules.profile import CompanyFacts, Place, Profile
from assistant.rules.provincial import loaded_areas, provincial_notice
from assistant.rules.text import mask
from assistant.rules.timeline import Timeline, timeline
from assistant.rules.verdict import Verdict

GENERAL_FACTS = ("voluntary", "quota", "no_fees", "falsification", "recognized")


class CheckResult(BaseModel):
    profile: Profile
    verdicts: dict[ProjectKey, Verdict]
    timeline: Timeline
    listed: list[ListedTitle] = Field([], description="rows of the loaded lists that name the applicant")
    lists: list[str] = Field([], description="the loaded lists of recognised units (labels)")


class GeneralFact(BaseModel):
    key: str
    text: str
    citation: Citation


def check(text: str, library: Library, *, as_of: date | None = None, previous: Profile | None = None
          ) -> CheckResult:
    """Pre-screen a description: its profile, a verdict per project type, and the timeline.

    The date is ``as_of``, else a date the text states (今天是…), else today.
    """
    if previous is not None and (turn := kinds.turns_to_another_unit(text, previous.kind)):
        # 那母公司呢？母公司是有限责任公司: a unit of its kind, not its facts; one below is within the same place
        previous = Profile(kind=previous.kind, place=previous.place if turn == "below" else None)
    profile = extract_profile(text, previous)
    loaded = {province for province, _ in loaded_areas(library)}  # 朝阳区 at an office that loaded 北京's notice
    profile = profile.model_copy(update={"place": places.one_within(profile.place, loaded)})
    when = as_of or profile.as_of or date.today()
    listed = find_listed(text, profile, library)
    units = list(dict.fromkeys([*profile.listed_units, *(row.unit for row in listed)]))
    profile = profile.model_copy(update={"as_of": when, "listed_units": units})
    place = profile.place or Place()
    verdicts = with_conditions(evaluate(profile, library, listed), with_titles_listed(text, listed), profile,
                               provincial_notice(library, place.province, place.local, when), when)
    verdicts |= verdicts_per_item(text, library, when)
    verdicts = named_first(verdicts, mentioned_types(text))
    return CheckResult(profile=profile, verdicts=verdicts, listed=listed, lists=lists_loaded(library),
                       timeline=timeline(when, library, place.province, place.local, applying_for(text, verdicts)))


def with_titles_listed(text: str, listed: list[ListedTitle]) -> str:
    """The text and what the loaded lists say the applicant holds besides 示范 titles (优势企业, 试点): a provincial
    condition that requires such a title is met by the list as by the text."""
    return text + "".join(f"。{row.when}已被认定为{row.title}" for row in listed if not row.demonstration
                          and not row.revoked)


def verdicts_per_item(text: str, library: Library, when: date) -> dict[ProjectKey, Verdict]:
    """For a numbered list of units each put forward for its own types (①某机械厂想报示范企业；②某研究院想报示范科研
    机构): each such type screened for its item alone, in the place the words before the list name and with the
    ownership they state (集团是省属国企，下属两家：…) — or, when the item alone says too little (1. 研究院能否申报…),
    with the words before the list, which describe the unit. A type two items name is left to the whole text."""
    spans = kinds.list_items(mask(text, list(project_names())))  # 1. 示范园区要不要重报: no unit's name
    items = [(start, end, mentioned_types(text[start:end])) for start, end in spans]
    if not items:
        return {}
    named = Counter(key for _, _, keys in items for key in keys)
    before = extract_profile(text[:items[0][0]])  # 济南市局：…③历城区一个街道办事处; 集团（省属国企）下属两家：
    where = Profile(place=before.place, company=CompanyFacts(state_owned=before.company.state_owned))
    verdicts: dict[ProjectKey, Verdict] = {}
    for start, end, keys in items:
        if own := [key for key in keys if named[key] == 1]:
            result = check(text[start:end], library, as_of=when, previous=where)
            read = check(text[:items[0][0]] + text[start:end], library, as_of=when) \
                if any(result.verdicts[key].status == "needs_info" for key in own) else result
            verdicts |= {key: read.verdicts[key] if result.verdicts[key].status == "needs_info" else
                         result.verdicts[key] for key in own}  # 1. 研究院能否申报…: the unit described before the list
    return verdicts


def named_first(verdicts: dict[ProjectKey, Verdict], named: list[ProjectKey]) -> dict[ProjectKey, Verdict]:
    """The verdicts of the types the text names first (a report leads with what was asked), the rest in order."""
    return {key: verdicts[key] for key in dict.fromkeys([*named, *verdicts]) if key in verdicts}


def applying_for(text: str, verdicts: dict[ProjectKey, Verdict]) -> list[ProjectKey]:
    """The project types the text names, else those the applicant may be fit for (none when nothing is known)."""
    fit = [key for key, verdict in verdicts.items() if verdict.status != "ineligible"]
    return mentioned_types(text) or (fit if len(fit) < len(verdicts) else [])


def general_facts(library: Library) -> list[GeneralFact]:
    """What holds for every applicant: voluntary, within the quota, no fees, no falsification, titles stay valid."""
    rules = constraints()
    return [GeneralFact(key=key, text=rules[key].description, citation=rules[key].reference.cite(library))
            for key in GENERAL_FACTS]
