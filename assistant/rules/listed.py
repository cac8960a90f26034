"""Units already recognised, as the loaded lists say: which project type each row's title is, and which rows
name the unit a text is about.

A 示范 title of an earlier year stays valid (notice#4.1), so a row naming the applicant as, say, 强县建设示范县
makes that type ``already_recognized``. 试点 titles and titles of other programmes (优势企业) are no 示范
recognition, nor is a title the row's 备注 says was revoked: the row is reported, the verdict stays the rules'.
Not being on a loaded list proves nothing: lists are incomplete, and the answer says only that the unit was not
found in them.

Matching: a people's government by its place (长沙市开福区人民政府 = 开福区 = 长沙市开福区, by division code); any
other unit by its own name with the region and the legal form taken off (安徽恒瑞光电股份有限公司 → 恒瑞光电,
found in 我們是安徽恒瑞光電), or its region and the start of that name (福建永晶 → 福建永晶科技股份有限公司).
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.corpus.recognised import PLAIN_UNIT, SEPARATORS, units_in
from assistant.language.lexicon import pattern
from assistant.language.normalize import normalize
from assistant.rules import places
from assistant.rules.extract import mentioned_types
from assistant.rules.kinds import head
from assistant.rules.params import ProjectKey
from assistant.rules.profile import ApplicantKind, Profile
from assistant.rules.text import segment_bounds

K = ApplicantKind
LEGAL_FORM = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|公司)$|(?:管理委员会|管委会)$")
PARK_WORDS = (("高新技术产业开发区", "高新区"), ("经济技术开发区", "经开区"), ("经济开发区", "经开区"))
NOT_DEMONSTRATION = re.compile(r"试点|优势企业|培育")
MIN_CORE = 4  # a name shorter than this matches only after its region (福建永晶)


class ListedTitle(BaseModel):
    """One row of a loaded list, read: the unit, its title, the project type, and whether it is a 示范 title."""

    unit: str
    title: str
    year: int | None = None
    batch: str = ""
    key: ProjectKey | None = None  # the type the title is (or, for a pilot, the type it is a pilot of)
    demonstration: bool = True  # False for 试点, 优势企业 …: no recognition under notice#4.1
    revoked: str = ""  # the row's 备注 when it says the title was revoked (已撤销): it no longer holds
    aliases: list[str] = []  # the row's 备注 when it is the unit's other name (中科院某所 → 中国科学院某研究所)
    government: bool = False
    adcode: str = ""
    citation: Citation
    list_label: str = ""

    @property
    def when(self) -> str:
        return f"{self.year}年" if self.year else ""

    @property
    def holds(self) -> bool:
        """A 示范 title still held: recognition under notice#4.1."""
        return self.demonstration and not self.revoked

    def not_held(self, type_name: str) -> str:
        """Why the row does not make the applicant recognised as ``type_name``."""
        said = f"据已载入的{self.list_label}，{self.unit}{self.when}"
        if self.revoked:
            return f"{said}曾被认定为{self.title}，但名单备注“{self.revoked}”，该称号已不再有效"
        return f"{said}获评的是{self.title}，不是{type_name}"


def listed_titles(library: Library) -> list[ListedTitle]:
    """Every row of every loaded list of recognised units, read (computed once per library version)."""
    return library.memo("listed_titles", lambda: _read_lists(library))


def lists_loaded(library: Library) -> list[str]:
    """The labels of the loaded lists (《2022—2023年已认定名单》 …)."""
    return [d.info.label for d in library.documents.values() if d.info.kind == "recognised_list" and d.clauses]


def _read_lists(library: Library) -> list[ListedTitle]:
    rows = []
    for document in library.documents.values():
        if document.info.kind != "recognised_list":
            continue
        for unit in units_in(document.clauses):
            keys = mentioned_types(NOT_DEMONSTRATION.sub(lambda m: "示范企业" if m.group() == "优势企业" else "示范",
                                                         unit.title))  # 优势企业: the enterprise type's lower tier
            government, adcode = government_place(unit.unit)
            rows.append(ListedTitle(unit=unit.unit, title=unit.title, year=unit.year, batch=unit.batch,
                                    key=keys[0] if keys else None,
                                    demonstration=not NOT_DEMONSTRATION.search(unit.title),
                                    revoked=unit.note if pattern("revoked").search(unit.note) else "",
                                    aliases=[unit.note] if other_name(unit.note) else [],
                                    government=government, adcode=adcode,
                                    citation=library.cite(unit.clause, unit.unit), list_label=document.info.label))
    return rows


# A 备注 saying what kind or level of unit it is (国家级高新区, 直辖市市辖区, 哈尔滨市代管): no name of its own.
CATEGORY_NOTE = re.compile(r"^(?:国家级|省级|市级|县级|地市级|直辖市|副省级|计划单列)|代管|下辖|所辖|托管")


def other_name(note: str) -> bool:
    """A 备注 that is a unit's name (its full or former name), not a remark."""
    return bool(PLAIN_UNIT.search(note)) and not pattern("revoked").search(note) and not SEPARATORS.search(note) \
        and not CATEGORY_NOTE.search(note)


def government_place(name: str) -> tuple[bool, str]:
    """Whether a listed unit is a people's government, and its division code."""
    text = normalize(name)
    found = places.chains(text)
    only_a_place = bool(found) and found[0].start == 0 and found[-1].mentions[-1].end == len(text)
    marker = head(text)
    if not only_a_place and (marker is None or marker.kind != K.government):
        return False, ""
    if not found:
        return True, ""
    return True, places.place_of_chain(text, found[0]).adcode or ""


@cache
def core_name(name: str) -> tuple[str, str]:
    """A unit's region (the province and city names it starts with) and its own name without the legal form:
    安徽恒瑞光电股份有限公司 → (安徽, 恒瑞光电)."""
    text = normalize(name)
    for long, short in PARK_WORDS:
        text = text.replace(long, short)
    region_end = 0
    for mention in places.scan(text):
        if mention.start != region_end or all(d.rank > 1 for d in mention.divisions):
            break
        region_end = mention.end
    return text[:region_end], LEGAL_FORM.sub("", text[region_end:])


UNIT_END = re.compile(r"[^，,。；;：:？?！!\s]{0,8}?(?:公司|集团|大学|学院|学校|研究院|研究所|中心|医院|厂)")
PART_AFTER = re.compile(r"[^，,。；;：:？?！!\s]{0,14}?(?:分公司|子公司|分院|分校|分厂|分中心|办事处|分部)")


def names_in(text: str, unit: str) -> list[int]:
    """Where ``text`` names a (non-government) listed unit: its core name, or its region and the core's start, and
    not another unit going on from there (某某理工学院 is not 某某理工大学) nor a part of the unit
    (…股份有限公司某某分公司)."""
    region, core = core_name(unit)
    if not core:
        return []
    found = [(m.start(), m.end()) for m in re.finditer(re.escape(core), text)] \
        if len(core) >= MIN_CORE or region == "" else []
    if region:
        found += [(m.start(), m.end()) for m in re.finditer(re.escape(region) + re.escape(core[:2]), text)]
    return sorted({start for start, end in found if not other_unit_after(text, end, core)
                   and not PART_AFTER.match(text, end)})


def other_unit_after(text: str, end: int, core: str) -> bool:
    """Where a name's start was matched, the text goes on naming a unit other than ``core``."""
    matched = next(n for n in range(min(len(core), end), 1, -1) if text[end - n:end] == core[:n])
    rest, said = core[matched:], text[end:end + len(core) - matched]
    agreed = next((i for i, (a, b) in enumerate(zip(rest, said, strict=False)) if a != b), min(len(rest), len(said)))
    return agreed < len(rest) and bool(UNIT_END.match(text, end + agreed))


def about_the_applicant(text: str, at: int) -> bool:
    """A mention is the applicant's unless its segment says it is someone else's (隔壁, 母公司 …)."""
    start, _ = segment_bounds(text, at)
    return not pattern("another_unit").search(text[start:at])


def find_listed(text: str, profile: Profile, library: Library) -> list[ListedTitle]:
    """The rows that name the unit ``text`` (with ``profile``, its facts, and the units matched in earlier
    turns) is about."""
    rows = listed_titles(library)
    if not rows:
        return []
    clean = normalize(text)
    for long, short in PARK_WORDS:
        clean = clean.replace(long, short)
    place = profile.place
    found = []
    for row in rows:
        if row.unit in profile.listed_units:
            found.append(row)
        elif row.government:
            if profile.kind in (K.government, None) and place and place.adcode and place.adcode == row.adcode:
                found.append(row)
        elif any(about_the_applicant(clean, at)
                 for name in [row.unit, *row.aliases] for at in names_in(clean, name)):
            found.append(row)
    return found


def listed_keys(rows: list[ListedTitle]) -> dict[ProjectKey, ListedTitle]:
    """The project types the rows make ``already_recognized`` (示范 titles only), the latest row per type."""
    held: dict[ProjectKey, ListedTitle] = {}
    for row in sorted(rows, key=lambda r: r.year or 0):
        if row.key and row.holds:
            held[row.key] = row
    return held
