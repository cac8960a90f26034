"""Parameter files: every value is tied to a verbatim quote of the notice."""

from __future__ import annotations

from assistant.rules import PROJECT_KEYS, PROJECT_TYPES, general_facts
from assistant.rules.params import all_references, constraints, timetable
from assistant.rules.profile import ApplicantKind, PlaceCategory


def test_every_reference_is_verbatim(library) -> None:
    for reference in all_references():
        citation = reference.cite(library)
        assert citation.quote == reference.quote and citation.id == reference.clause


def test_project_types_follow_the_notice(library) -> None:
    assert tuple(PROJECT_TYPES) == PROJECT_KEYS
    listed = library.clause("notice#1").text
    for key, project in PROJECT_TYPES.items():
        assert project.name in listed
        assert project.applicants.clause == f"notice#2.{PROJECT_KEYS.index(key) + 1}"
        assert project.who in project.applicants.quote
        assert all(PlaceCategory(c) for c in project.government_places)
        assert project.holder_kind == "" or ApplicantKind(project.holder_kind)


def test_no_wording_names_two_types() -> None:
    owners: dict[str, str] = {}
    for key, project in PROJECT_TYPES.items():
        for name in project.names:
            assert owners.setdefault(name, key) == key, name


def test_timetable_dates_match_their_quotes() -> None:
    table = timetable()
    for deadline in table.deadlines:
        assert f"{deadline.date.year}年" in deadline.reference.quote or "年底" in deadline.reference.quote
    assert table.issued.reference.quote == "2025年9月12日"
    assert (table.round.first_year, table.round.every_years) == (2025, 3)


def test_general_facts_cover_the_hard_constraints(library) -> None:
    facts = {fact.key: fact for fact in general_facts(library)}
    assert {"voluntary", "quota", "no_fees", "falsification", "recognized"} <= set(facts)
    assert facts["no_fees"].citation.id == "notice#5.4" and "收取费用" in facts["no_fees"].citation.quote
    assert "自愿" in facts["voluntary"].citation.quote
    assert constraints()["falsification"].reference.clause == "notice#5.4"
