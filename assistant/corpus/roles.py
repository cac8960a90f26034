"""What an ingested document is, read from its own content: kind, title, 文号, issuer, date, province,
annex number, the short title citations use and a readable id.

- ``annex``: its title is one of the notice's annex titles (or it opens with 附件N and that title).
- ``recognised_list``: its rows read as {unit, title, year} (``corpus.recognised``).
- ``provincial_notice``: issued by a province's office (named in the title, the issuer line or the 文号's 简称)
  and about the national notice (转发, 28号, 示范创建); or by a city's office forwarding its province's notice
  (柳州市…关于转发《广西壮族自治区…》): then its ``locality`` is that city, and it is for applicants there only.
- ``national_notice``: only when staff say so (the current round's notice is in the manifest).
- ``reference``: anything else — an earlier round, news, other policy. It never overrides the notice.
Staff can override every field (``--kind``, ``--title``, ``--province``).
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel

from assistant.corpus.model import Clause, DocKind, DocumentInfo
from assistant.corpus.recognised import read_row, units_in
from assistant.language.provinces import first_province, province_by_abbreviation, province_of, short_name

CN_DATE = re.compile(r"(20\d{2})年(\d{1,2})月(\d{1,2})日")
DOCNO = re.compile(r"^(\S{1,20})〔(\d{4})〕(\d+)号")
ANNEX_OPENING = re.compile(r"^\s*附件\s*(\d)")
ABOUT_THE_NOTICE = re.compile(r"转发|国知发运字〔2025〕28号|示范创建|示范(?:市|县|园区|区|企业|高校|科研机构)")
CURRENT_ROUND = 2025  # a provincial notice from an earlier year belongs to an earlier round: reference
ISSUER_PART = re.compile(r"^(.*?)关于")
TITLE_CORE = re.compile(r"^.*?关于(.+?)(?:的通知|的公告|的函)?$")
BOOK_TITLE = re.compile(r"《([^》]+)》")
MAX_SHORT_TITLE = 24
# a city's office: the place its name opens with (柳州市市场监督管理局, 黔东南苗族侗族自治州知识产权局)
LOCAL_ISSUER = re.compile(r"^([\u4e00-\u9fff]{2,12}(?:市|州|盟|地区))(?:市场监督管理局|市场监管局|知识产权局|"
                          r"知识产权事务中心|科学技术局|科技局|人民政府(?:办公室|办公厅)?)$")
# a municipality's district office (重庆市渝北区市场监督管理局): the district is its locality
DISTRICT_ISSUER = re.compile(r"^(?:北京市|上海市|天津市|重庆市)([\u4e00-\u9fff]{1,6}?(?:区|县))(?:市场监督管理局|"
                             r"市场监管局|知识产权局|科学技术局|科技局|人民政府(?:办公室|办公厅)?)$")
ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")
PROVINCE_BEFORE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:省|自治区)")
MASTHEAD_END = re.compile(r"文件$")
LATER_NOTICE = re.compile(r"补充通知|延期通知|更正通知|变更通知|调整通知")  # a notice amending an earlier one


class Role(BaseModel):
    """What a document is (``info``, without id and storage fields yet), its annex number and a list's years."""

    info: DocumentInfo
    annex: int | None = None
    years: tuple[int, ...] = ()  # of a recognised list: its first and last year

    def readable_id(self) -> str:
        """``annex1``, ``hunan-2025``, ``recognised-2022-2023``, ``ref-2022-19``; "" when nothing readable."""
        info = self.info
        docno = DOCNO.match(info.docno)
        year = info.issued.year if info.issued else int(docno.group(2)) if docno else None
        if info.kind == "annex" and self.annex:
            return f"annex{self.annex}"
        if info.kind == "provincial_notice" and info.province:
            from pypinyin import lazy_pinyin  # phrase-aware (重庆 chongqing); only imports need it

            place = info.locality.removesuffix("市") if info.locality else short_name(info.province)
            return "-".join(p for p in ("".join(lazy_pinyin(place)), str(year or "")) if p)
        if info.kind == "recognised_list":
            return "recognised" + "".join(f"-{y}" for y in dict.fromkeys(self.years))
        if docno:
            return f"ref-{docno.group(2)}-{docno.group(3)}"
        return f"ref-{year}" if year else ""


def detect_role(source: str, clauses: list[Clause], annex_titles: dict[int, str], file_name: str,
                *, kind: DocKind | None = None, title: str | None = None, province: str | None = None) -> Role:
    """The role of a parsed document; ``kind``, ``title`` and ``province`` are staff overrides."""
    found_title = title or title_of(source, clauses)
    docno = next((c.text.strip() for c in clauses if c.kind == "docno"), "")
    issuer = issuer_of(found_title)
    annex = annex_number(found_title, source, annex_titles)
    units = units_in(clauses)
    locality = next((found for body in issuing_bodies(issuer, clauses) if (found := locality_of(body))), "")
    forwarded = next((issuer_of(inner) for inner in BOOK_TITLE.findall(found_title)), "") if locality else ""
    # a city forwards its province's notice: the province is the forwarded notice's (海南州 is 青海省's)
    place = (province_of(province) or province) if province else \
        (locality and province_in(forwarded, "")) or province_in(issuer, docno) or province_in(forwarded, "")
    issued = issued_on(source, clauses)
    year = issued.year if issued else (int(m.group(2)) if (m := DOCNO.match(docno)) else None)
    this_round = (year or CURRENT_ROUND) >= CURRENT_ROUND and ABOUT_THE_NOTICE.search(found_title + source[:600])
    detected: DocKind = ("annex" if annex else
                         "recognised_list" if units and len(units) >= 0.5 * sum(c.kind == "record" for c in clauses)
                         else "provincial_notice" if place and this_round else "reference")
    kind = kind or detected
    years = sorted({u.year for u in units if u.year})
    if not found_title:
        span = f"（{years[0]}—{years[-1]}年）" if len(years) > 1 else f"（{years[0]}年）" if years else ""
        found_title = f"已认定单位名单{span}" if kind == "recognised_list" else file_name
    info = DocumentInfo(id="", kind=kind, title=found_title, docno=docno, issuer=issuer, issued=issued,
                        province=place or "", locality=locality if kind == "provincial_notice" else "")
    role = Role(info=info, annex=annex, years=(years[0], years[-1]) if years else ())
    info.short_title = short_title(role)
    return role


def title_of(source: str, clauses: list[Clause]) -> str:
    """The title clause, else the first line when it is a caption (short, not a row, not a sheet name)."""
    titled = next((c.text for c in clauses if c.kind == "title"), "")
    if titled:
        return re.sub(r"\s+", "", titled)
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    caption = len(first) <= 80 and "：" not in first and not first.startswith("【") and read_row(first) is None
    return first if caption else ""


def issuer_of(title: str) -> str:
    """The issuing body: the title's part before 关于."""
    match = ISSUER_PART.match(title)
    return match.group(1).strip() if match and match.group(1).strip() else ""


def issuing_bodies(issuer: str, clauses: list[Clause]) -> list[str]:
    """Who issued the document, as the title's issuer, the masthead (…文件) and the signature's first line say."""
    masthead = next((MASTHEAD_END.sub("", c.text.strip()) for c in clauses if c.kind == "masthead"), "")
    signature = next((c.text.strip().splitlines()[0] for c in clauses if c.kind == "signature" and c.text.strip()),
                     "")
    return [body for body in (issuer, masthead, signature) if body]


def amends_another(title: str) -> bool:
    """A notice titled as amending an earlier one (补充通知, 延期通知); one forwarding a notice and its amendment
    (关于转发《…》及补充通知的通知) forwards."""
    return bool(LATER_NOTICE.search(title)) and "转发" not in title


def locality_of(body: str) -> str:
    """The city an issuing body belongs to (柳州市市场监督管理局 → 柳州市), or in a municipality its district
    (重庆市渝北区市场监督管理局 → 渝北区); "" for a province's or the state's."""
    if district := DISTRICT_ISSUER.match(ASIDE.sub("", body).strip()):
        return district.group(1)
    match = LOCAL_ISSUER.match(ASIDE.sub("", body).strip())
    if not match or "国家" in body[:4] or province_of(match.group(1)):  # 北京市: a province
        return ""
    return PROVINCE_BEFORE.sub("", match.group(1))  # 湖南省长沙市 → 长沙市; 吉林市 is 吉林省's city


def province_in(issuer: str, docno: str) -> str | None:
    """A provincial issuer: named in the issuer, or the 文号 starts with its 简称 (湘市监知 → 湖南省)."""
    if issuer and "国家" not in issuer[:4] and (found := first_province(issuer)):
        return found
    return province_by_abbreviation(docno[:1]) if docno and not docno.startswith("国") else None


def annex_number(title: str, source: str, annex_titles: dict[int, str]) -> int | None:
    """The annex whose title this document carries (in its title or its first lines)."""
    opening = ANNEX_OPENING.match(source)
    head = title + "".join(source.strip().splitlines()[:3])
    for number, annex_title in annex_titles.items():
        if annex_title and annex_title in head and (opening is None or int(opening.group(1)) == number):
            return number
    return None


def issued_on(source: str, clauses: list[Clause]) -> date | None:
    """The date under the signature (else a line holding only a date among the closing lines)."""
    signature = next((c.text for c in clauses if c.kind == "signature"), "")
    tail = signature or "\n".join(line for line in source.strip().splitlines()[-6:]
                                   if CN_DATE.fullmatch(line.strip().replace(" ", "")))
    dates = CN_DATE.findall(tail)
    if not dates:
        return None
    year, month, day = map(int, dates[-1])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def short_title(role: Role) -> str:
    """The name citations use: 附件1, 湖南省转发通知, 2022—2023年已认定名单, or the title's core."""
    info = role.info
    if info.kind == "annex" and role.annex:
        return f"附件{role.annex}"
    if info.kind == "provincial_notice" and (info.locality or info.province):
        return f"{info.locality or info.province}{'补充通知' if amends_another(info.title) else '转发通知'}"
    if info.kind == "recognised_list" and role.years:
        first, last = role.years
        return f"{first}年已认定名单" if first == last else f"{first}—{last}年已认定名单"
    core = TITLE_CORE.match(info.title) or BOOK_TITLE.search(info.title)
    text = (core.group(1) if core else info.title).strip("《》")
    return text if len(text) <= MAX_SHORT_TITLE else text[:MAX_SHORT_TITLE] + "…"
