"""The verdict of one rule, and a small builder that keeps every citation verified."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.rules.params import ProjectKey, Reference, constraints, project_types

if TYPE_CHECKING:
    from assistant.rules.listed import ListedTitle

Status = Literal["eligible", "ineligible", "needs_info", "already_recognized"]


class StatusWording(BaseModel):
    """How a status is shown: a label (tables), an icon (UI) and a sentence opening naming the type."""

    label: str
    icon: str
    phrase: str  # with {name}: 可以申报{name}


STATUS: dict[Status, StatusWording] = {
    "eligible": StatusWording(label="可以申报", icon="✅", phrase="可以申报{name}"),
    "ineligible": StatusWording(label="不能申报", icon="❌", phrase="不能申报{name}"),
    "needs_info": StatusWording(label="需补充信息", icon="❓", phrase="能否申报{name}还需确认"),
    "already_recognized": StatusWording(label="已认定（继续有效）", icon="🏅",
                                        phrase="已是{name}（此前年度已认定，继续有效，此届不需重复申报）"),
}
STATUS_ORDER: tuple[Status, ...] = ("already_recognized", "eligible", "needs_info", "ineligible")


class Verdict(BaseModel):
    status: Status
    reason: str
    citations: list[Citation]
    ask: list[str] = []
    notes: list[str] = Field([], exclude=True)  # already in the reason; said after a needs_info verdict's question
    deadline_note: str = Field("", exclude=True)  # already in the reason: the date a provincial notice sets

    def noted(self, note: str, citations: list[Citation], *, deadline: bool = False) -> Verdict:
        """The same verdict with a note said after its reason and the citations that back the note (``deadline``:
        the note is the date by which to apply, which an answer about dates says itself)."""
        return self.model_copy(update={"reason": f"{self.reason.rstrip('。')}。{note}", "notes": [*self.notes, note],
                                       "citations": [*self.citations, *citations],
                                       "deadline_note": note if deadline else self.deadline_note})


class Judge:
    """Builds the verdicts of one project type; citations only through ``Library.cite``."""

    def __init__(self, key: ProjectKey, library: Library) -> None:
        self.key = key
        self.type = project_types()[key]
        self.library = library

    def cite(self, *refs: Reference) -> list[Citation]:
        """The type's own clause first, then ``refs``, each verified against the notice."""
        return [r.cite(self.library) for r in dict.fromkeys((self.type.applicants, *refs))]

    def eligible(self, reason: str) -> Verdict:
        rules = constraints()
        return Verdict(status="eligible", reason=reason,
                       citations=self.cite(rules["voluntary"].reference, rules["quota"].reference))

    def ineligible(self, reason: str, *refs: Reference) -> Verdict:
        return Verdict(status="ineligible", reason=reason, citations=self.cite(*refs))

    def needs(self, reason: str, ask: list[str], *refs: Reference) -> Verdict:
        return Verdict(status="needs_info", reason=reason, citations=self.cite(*refs), ask=ask)

    def restructuring(self, verdict: Verdict) -> Verdict:
        """The applicant is merging or reorganising and that is not done: an eligible unit may not be the one that
        applies."""
        if verdict.status != "eligible":
            return verdict
        reason = (f"{verdict.reason}但贵单位正在合并或重组、尚未完成，以哪个单位作为申报主体、届时是否仍符合条件"
                  "还需确认。")
        return verdict.model_copy(update={"status": "needs_info", "reason": reason,
                                          "ask": ["合并或重组完成后，由哪个单位作为申报主体？目前进展到哪一步？"]})

    def unsure_recognized(self, verdict: Verdict) -> Verdict:
        """The applicant may already hold this title but said so only with doubt: confirm it first."""
        if verdict.status == "ineligible":
            return verdict
        ask = f"请确认贵单位是否已被认定为{self.type.name}（可查看认定文件或授牌）？"
        reason = (f"您提到可能已获{self.type.short}称号，但尚不确定：如已认定，继续有效，此届不需重复申报；"
                  f"如未认定，{verdict.reason}")
        return Verdict(status="needs_info", reason=reason, ask=[ask, *verdict.ask],
                       citations=[*verdict.citations, self.recognized_rule()])

    def recognized_on_list(self, row: ListedTitle) -> Verdict:
        """A loaded list names the applicant with this 示范 title: it stays valid (notice#4.1)."""
        reason = (f"据已载入的{row.list_label}，{row.unit}{row.when}已被认定为{row.title}，继续有效，"
                  "此届不需重复提出申报。")
        return Verdict(status="already_recognized", reason=reason, citations=[row.citation, self.recognized_rule()])

    def with_listed_pilot(self, verdict: Verdict, row: ListedTitle) -> Verdict:
        """A loaded list names the applicant with a 试点 (or another programme's) title, or one since revoked: no
        示范 title held, the rules' verdict stands, and the answer says so."""
        return verdict.noted(f"另{row.not_held(self.type.name).removeprefix('据')}，不影响本届判断。", [row.citation])

    def with_pilot_title(self, verdict: Verdict) -> Verdict:
        """The applicant says it was a pilot of this type or holds a neighbouring title (优势企业): neither is a
        示范单位, so nothing exempts it from applying (notice#4.1 exempts units recognised as 示范单位 only)."""
        note = (f"另：所说的试点、优势企业等称号不是已认定的{self.type.short}；只有此前年度已认定为示范单位的继续有效、"
                "此届不需重复提出申报，持这些称号的单位须按本届要求申报。")
        return verdict.noted(note, [self.recognized_rule()])

    def with_parent_title(self, verdict: Verdict) -> Verdict:
        """A unit above the applicant holds this title: it stays valid for that unit (notice#4.1), and the rules
        judge the applicant by its own facts."""
        note = (f"另：上级单位已认定的{self.type.short}继续有效（此前年度已认定为示范单位的继续有效，此届不需重复"
                "提出申报），本单位按自身情况判断。")
        return verdict.noted(note, [self.recognized_rule()])

    def recognized(self) -> Verdict:
        return Verdict(status="already_recognized",
                       reason=f"您所说的{self.type.short}此前年度已获认定，继续有效，此届不需重复提出申报。",
                       citations=[self.recognized_rule()])

    def recognized_rule(self) -> Citation:
        """四、（一）: units recognised in an earlier year stay recognised and need not apply again."""
        return constraints()["recognized"].reference.cite(self.library)
