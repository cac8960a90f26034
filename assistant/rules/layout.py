"""How a message is laid out, read before its words: an intake form's fields, a table pasted as text, a chat
record's speakers. Each reader turns its layout into the plain sentences the rules read."""

from __future__ import annotations

import re
from functools import cache

from assistant.language.lexicon import alternation, mapping, pattern
from assistant.rules import places

# A chat line's speaker (张科长 10:02：, 【财务-小陈】, @助手) before what the speaker says.
BRACKETED, CLOCK = r"【[^】\n]{1,16}】", r"\d{1,2}[:：]\d{2}"  # 【财务-小陈】, 16:02
SPEAKER = re.compile(rf"^\s*(?:{BRACKETED}(?:\s*{CLOCK})?|[^：:，,。？?！!\n]{{1,12}}?(?:\s*{CLOCK})?\s*[：:])\s*")


# A reply opening with a denial and going on (不对，我们是…), not a form's yes/no field (是否分公司：不是).
DENIAL = re.compile(rf"(?:{alternation('chat_denial')})[，,。！!\s]+\S")


def spoken(line: str) -> str:
    """A chat line without its speaker (【市局-保护科】…, 张科长 10:02：…)."""
    return SPEAKER.sub("", line, count=1)


LABEL = re.compile(rf"^[ \t]*{BRACKETED}(?:[ \t]*{CLOCK})?", re.MULTILINE)  # a line's 【…】 label, this line only


def without_speaker_labels(text: str) -> str:
    """A chat record's 【…】 labels dropped when what its speakers say names a place of its own: who speaks
    (【某区局 小叶】) is no place of the applicant's then."""
    if len(LABEL.findall(text)) < 2:
        return text
    said = LABEL.sub("", text)
    return said if places.scan(said) else text


def without_denied_lines(text: str) -> str:
    """A chat record without the lines that the next speaker denies at once (甲：研究院是市政府设立的 / 乙：不是，是
    几个教授自己出资办的): what is taken back is not a fact."""
    lines = text.split("\n")
    for number in range(1, len(lines)):
        reply = lines[number][speaker.end():] if (speaker := SPEAKER.match(lines[number])) else ""
        if DENIAL.match(reply) and (said := SPEAKER.match(lines[number - 1])):
            lines[number - 1] = lines[number - 1][:said.end()]
    return "\n".join(lines)


SAID_BEFORE = re.compile(r"[^，,。；;！!？?\n\s]+[，,\s]*$")  # the phrase just before, up to a pause
COPULA = re.compile(r"是|为|系")


def without_corrected(text: str) -> str:
    """``text`` without what the speaker takes back at once (我们是国家级园区 哦 不对 是省级的): the phrase
    before the correction, or what it says its subject is (我们县是示范县，不对，是试点县 keeps 我们县)."""
    corrections = list(pattern("self_correction").finditer(text))
    for correction in reversed(corrections):
        said = SAID_BEFORE.search(text, 0, correction.start())
        start = said.start() if said else correction.start()
        copula = COPULA.search(text, start, correction.start())
        text = text[:copula.start() if copula else start] + text[correction.end():]
    return text


COLUMN = re.compile(r"\s*[|｜\t]\s*")  # the columns of a table row pasted as text
FIELD_NAME = re.compile(r"[\u4e00-\u9fff/／（）()]{2,12}")  # a header cell, or a field's label


def table_as_fields(text: str) -> str:
    """A table pasted as text (a header row of field names, then a row per unit, columns split by tabs or |) as
    numbered items, each the unit's name and its fields (1、XX研究院；设立主体：…。), which ``fields_as_sentences``
    and the lists of units read."""
    lines = text.split("\n")
    for number, line in enumerate(lines[:-1]):
        header = [cell.strip() for cell in COLUMN.split(line.strip(" |｜"))]
        if len(header) < 3 or not all(FIELD_NAME.fullmatch(cell) for cell in header):
            continue
        rows = []
        for row in lines[number + 1:]:
            cells = [cell.strip() for cell in COLUMN.split(row.strip(" |｜"))]
            if len(cells) != len(header):
                break
            rows.append(row_as_fields(dict(zip(header, cells, strict=True))))
        if rows:
            items = [f"{item}、{row}。" if len(rows) > 1 else f"{row}。" for item, row in enumerate(rows, 1)]
            return "\n".join([*lines[:number], *items, *lines[number + 1 + len(rows):]])
    return text


UNIT_NAME = ("单位名称", "名称", "单位", "企业名称", "学校名称", "机构名称")  # the row's unit, named first
PROPOSAL_FIELD = re.compile(r"拟?申报(?:类别|项目)?")  # …then what it applies for, as 研究院拟申报示范科研机构 reads
ROW_NUMBER = ("序号", "编号")


def row_as_fields(named: dict[str, str]) -> str:
    """One row of a table: the unit's name, the type it applies for, then its other fields."""
    name = next((named.pop(label) for label in UNIT_NAME if label in named), "")
    proposal = "".join(f"{label}：{named.pop(label)}" for label in list(named) if PROPOSAL_FIELD.fullmatch(label))
    fields = [f"{field_label(label)}：{cell}" for label, cell in named.items() if label not in ROW_NUMBER]
    return "；".join([name + proposal, *fields]).strip("；")


def field_label(name: str) -> str:
    """A header cell's field name: of 设立主体/出资人, the one a form field is known by."""
    names = re.split(r"[/／]", name)
    return next((n for n in names if n in mapping("form_fields")), names[0])


@cache
def _form_field() -> re.Pattern[str]:
    labels = "|".join(sorted(mapping("form_fields"), key=len, reverse=True))
    # a value ends at a separator, or at a space before the next field (设立主体：两位个人 主管部门：…)
    return re.compile(rf"(?P<label>{labels})(?:[（(][^）)]{{1,8}}[）)])?[：:]\s*(?P<value>[^；;|｜\n\t，,。]*?)"
                      rf"(?=\s+{FIELD_NAME.pattern}[：:]|[；;|｜\n\t，,。]|\s*$)")


# A yes-or-no field of a form (是否已获示范称号：否): what it asks, said or denied.
YES_NO_FIELD = re.compile(r"是否(?:已经?)?(?P<what>[^：:\n，,。；;？?]{2,20})[：:]\s*"
                          r"(?P<answer>是|否|有|无|没有|未)(?=\s|$|[，,。；;])")


def yes_no_fields_as_sentences(text: str) -> str:
    return YES_NO_FIELD.sub(lambda m: ("已" if m["answer"] in ("是", "有") else "没有") + m["what"], text)


def fields_as_sentences(text: str) -> str:
    """An intake form's fields (设立主体：XX市人民政府；批准机关：国务院; 是否已获…：否) as the sentences the rules read
    (由XX市人民政府设立；经国务院批准设立; 没有获…); an open field (不详, 待核实) says nothing."""
    text = yes_no_fields_as_sentences(text)
    def sentence(field: re.Match[str]) -> str:
        value = field.group("value").strip()
        if not value or pattern("open_field").fullmatch(value):
            return ""
        said = mapping("form_fields")[field.group("label")].format(value=value)
        return re.sub(r"(设立|举办)\1", r"\1", said)  # 出资设立 as the founder field's value: 由…出资设立
    return _form_field().sub(sentence, text)


# A note naming the one unit that a text listing several is about: （预审：X）, 本次预审对象：X, 请示事项——X可否…
SCREENED = re.compile(r"(?:预审(?:对象|单位)?|(?:审核|审查|研判|判断|判定|核实|咨询)(?:对象|单位)|请示事项)"
                      r"\s*[：:—－-]+\s*(?P<unit>[^，,。；;）)】\n]{2,40})")
PREDICATE = re.compile(r"(?:可否|能否|是否|拟|申报|想).*$")
GOVERNMENT = re.compile(r"人民政府$|政府$")
OWN_UNIT = re.compile(r"^本(?:院|校|单位|公司|所|局|区|县|市)$")  # the writer's own: the text is about it anyway
ITEM_BREAK = re.compile(r"(?=（[一二三四五六七八九十]{1,3}）)|(?<![\d.])(?=\d{1,2}[.．、](?!\d))|[；;\n。]")
PLANS = r"(?:（[^）]*）)?[^。；;\n，,、（]{0,6}?(?:拟|想|准备|计划|打算)"  # the unit (its aside) then plans


# A note naming the item by its numbers (本次仅对第二项第（一）目所列单位进行预审).
NUMBERED_NOTE = re.compile(r"第(?P<section>[一二三四五六七八九十]{1,3})(?:项|部分)"
                           r"第?(?P<item>[（(][一二三四五六七八九十]{1,3}[）)])目?所列(?:单位|事项)")


def numbered_item(text: str) -> str | None:
    """The item a note names by its section's and its own number, if the text has it."""
    note = NUMBERED_NOTE.search(text)
    section = note and re.search(rf"(?:^|\n)\s*{note.group('section')}、", text)
    if not section:
        return None
    item = text.find(note.group("item").replace("(", "（").replace(")", "）"), section.end())
    if item < 0 or item > note.start():
        return None
    return ITEM_BREAK.split(text[item + len(note.group("item")):], maxsplit=1)[0] or None


def screened_item(text: str) -> str:
    """Of a text listing several units (meeting minutes, a briefing) with a note naming the one it is about, the
    item that says what that unit plans; the text itself when there is no such note or item."""
    if item := numbered_item(text):
        return item
    note = SCREENED.search(text)
    unit = PREDICATE.sub("", note.group("unit")).strip() if note else ""
    if len(unit) < 2 or OWN_UNIT.match(unit):
        return text
    items = [item for item in ITEM_BREAK.split(text[:note.start()] + text[note.end():]) if item]
    names = dict.fromkeys([unit, GOVERNMENT.sub("", unit)])  # 某某市人民政府, said as 某某市 in the list
    planning = [item for name in names for item in items if re.search(re.escape(name) + PLANS, item)]
    return (planning or [text])[0]
