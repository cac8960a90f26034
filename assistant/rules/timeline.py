"""Where the programme stands on a given date: phase, periods, deadlines, next round (timetable.yaml)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Literal

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.language.dates import cn_date
from assistant.language.provinces import province_of
from assistant.rules.params import timetable
from assistant.rules.provincial import ProvincialDeadline, ProvincialNotice, provincial_notice

Phase = Literal["before_application", "application", "creation", "ended"]


class Period(BaseModel):
    key: str
    label: str
    start: date
    end: date
    display: str  # as the notice words it
    duty: str
    status: Literal["upcoming", "current", "finished"]
    days_remaining: int | None  # to the last day, while current or upcoming
    citation: Citation


class Deadline(BaseModel):
    key: str
    label: str
    date: date
    display: str  # as the notice words it
    duty: str  # whose duty it is
    applicant_duty: bool
    status: Literal["open", "passed"]  # the deadline day itself is still open
    days_remaining: int | None  # 0 on the day itself; None once passed
    citation: Citation
    source: str = ""  # a provincial deadline's notice, as citations name it: 《湖南省转发通知》
    area: str = ""  # whose applicants a provincial deadline binds: 湖南省, 柳州市


class Timeline(BaseModel):
    as_of: date
    phase: Phase
    phase_label: str
    summary: str
    issued: date
    periods: list[Period]
    deadlines: list[Deadline]
    round_year: int  # the round this notice organises
    round_rule: str  # the rhythm of rounds, in words
    next_round_year: int
    citations: list[Citation]  # issue date and the 3-year rhythm
    province: str = ""  # the applicant's province, when known
    provincial: Deadline | None = None  # the applicants' deadline set by that province's loaded notice
    provincial_receipt: Deadline | None = None  # the 回执 deadline that notice sets
    provincial_loaded: str = ""  # the loaded notice's label, whether or not it sets the applicants a date


def period_status(start: date, end: date, as_of: date) -> Literal["upcoming", "current", "finished"]:
    return "upcoming" if as_of < start else "finished" if as_of > end else "current"


def next_round(as_of: date, first: int, every: int) -> int:
    """The first round after the first one that starts in or after ``as_of``'s year (2028 for 2025–2028)."""
    year = first + every
    while year < as_of.year:
        year += every
    return year


def phase_of(as_of: date, application: Period, creation: Period) -> tuple[Phase, str]:
    if as_of < application.start:
        return "before_application", "本届组织申报尚未开始"
    if as_of <= application.end:
        return "application", "组织申报阶段"
    if as_of <= creation.end:
        return "creation", "推动创建阶段"
    return "ended", "本届创建期已结束"


def summary_of(phase: Phase, as_of: date, periods: dict[str, Period], deadlines: dict[str, Deadline],
               round_rule: str, next_year: int) -> str:
    """One sentence on where things stand."""
    application, creation = periods["application"], periods["creation"]
    recommendation, acceptance = deadlines["recommendation"], deadlines["acceptance"]
    if phase == "before_application":
        return (f"本届组织申报安排在{application.display}，距开始还有{(application.start - as_of).days}天；"
                "申报由省级知识产权局组织，具体时间以本省通知为准。")
    if phase == "application" and recommendation.status == "open":
        return (f"正处于组织申报阶段（{application.display}）；省级知识产权局须于{recommendation.display}完成推荐及"
                f"材料报送，还剩{recommendation.days_remaining}天，申报单位向省局提交材料的时间以本省通知为准。")
    if phase == "application":
        return (f"仍在通知所定的组织申报期（{application.display}）内，但省级知识产权局完成推荐及材料报送的截止日"
                f"（{cn_date(recommendation.date)}）已过。")
    if phase == "creation":
        return (f"本届组织申报已结束，处于推动创建阶段（{creation.display}）；评估验收和公示认定须在"
                f"{acceptance.display}完成，还剩{acceptance.days_remaining}天。")
    return (f"{creation.start.year}—{creation.end.year}年这一届已结束；按“{round_rule}”推算，下一届应于{next_year}年"
            "启动，具体以届时的通知为准。")


def provincial_deadline(as_of: date, notice: ProvincialNotice, types: Collection[str] = ()) -> Deadline | None:
    """The deadline a province's notice sets applicants for ``types``, as a deadline of the timeline."""
    found = notice.applicant_deadline(types)
    return as_deadline(as_of, found, notice, "provincial", "申报材料报送", "申报单位") \
        if found else None


def provincial_receipt(as_of: date, notice: ProvincialNotice) -> Deadline | None:
    """The deadline a province's notice sets for its 回执, as a deadline of the timeline."""
    found = notice.receipt_deadline
    return as_deadline(as_of, found, notice, "provincial_receipt", "报送回执", "") \
        if found else None


def deadline_state(as_of: date, deadline: Deadline) -> str:
    """Passed, the last day, or open with the days left, on ``as_of``."""
    today = cn_date(as_of)
    if deadline.status == "passed":
        return f"截至{today}已过期"
    if deadline.days_remaining == 0:
        return f"{today}是最后一天，当天仍在期限内"
    return f"截至{today}尚未截止，还剩{deadline.days_remaining}天"


def as_deadline(as_of: date, found: ProvincialDeadline, notice: ProvincialNotice, key: str, what: str,
                duty: str) -> Deadline:
    """``what`` is due, for the applicants of the area whose notice sets ``found``."""
    source, area = notice.label_of([found.citation]), notice.area_of(found.citation.doc)
    return Deadline(key=key, label=f"{area}{what}", date=found.date, display=f"{cn_date(found.date)}前",
                    duty=f"{duty}（按{source}）" if duty else f"按{source}", applicant_duty=True,
                    status="open" if as_of <= found.date else "passed",
                    days_remaining=(found.date - as_of).days if as_of <= found.date else None,
                    citation=found.citation, source=source, area=area)


def timeline(as_of: date, library: Library, province: str | None = None, city: str | None = None,
             types: Collection[str] = ()) -> Timeline:
    """The programme's state on ``as_of`` with a verified citation for every date; with the applicant's
    ``province`` (and ``city``), also the deadline its loaded forwarding notice sets (for its project ``types``)."""
    table = timetable()
    periods = [Period(key=p.key, label=p.label, start=p.start, end=p.end, display=p.display, duty=p.duty,
                      status=period_status(p.start, p.end, as_of),
                      days_remaining=(p.end - as_of).days if as_of <= p.end else None,
                      citation=p.reference.cite(library)) for p in table.periods]
    deadlines = [Deadline(key=d.key, label=d.label, date=d.date, display=d.wording, duty=d.duty,
                          applicant_duty=d.applicant_duty,
                          status="open" if as_of <= d.date else "passed",
                          days_remaining=(d.date - as_of).days if as_of <= d.date else None,
                          citation=d.reference.cite(library)) for d in table.deadlines]
    by_key = {p.key: p for p in periods}
    phase, label = phase_of(as_of, by_key["application"], by_key["creation"])
    next_year = next_round(as_of, table.round.first_year, table.round.every_years)
    summary = summary_of(phase, as_of, by_key, {d.key: d for d in deadlines}, table.round.wording, next_year)
    notice = provincial_notice(library, province, city, as_of)
    return Timeline(as_of=as_of, phase=phase, phase_label=label, summary=summary, issued=table.issued.date,
                    periods=periods, deadlines=deadlines, round_year=table.round.first_year,
                    round_rule=table.round.wording, next_round_year=next_year,
                    citations=[table.issued.reference.cite(library), table.round.reference.cite(library)],
                    province=province_of(province) or "" if province else "",
                    provincial=provincial_deadline(as_of, notice, types) if notice else None,
                    provincial_receipt=provincial_receipt(as_of, notice) if notice else None,
                    provincial_loaded=notice.label if notice else "")
