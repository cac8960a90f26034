"""Check a language model's answer against the rules and the sources before anyone sees it.

The model only explains. ``check_answer`` lists what makes its text unusable: a clause it was not given, a
quote that is not verbatim, a number absent from the sources, a link, an address or markup (a browser
would fetch or render it), a claim about a project type against the rules' verdict — however it is worded
("完全满足示范县的各项要求", "不能申报的说法已过时"). ``without_claims`` then removes the sentences where the
model itself says who may apply or what a type requires: that is the program's to say, in its own words.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.corpus.library import Library, strip_space
from assistant.language.normalize import simplified
from assistant.rules import Verdict

CITED_ID = re.compile(r"[〔\[【(（]\s*([A-Za-z0-9_-]+#[A-Za-z0-9_.!-]+)\s*[〕\]】)）]")
QUOTED = re.compile(r"[「“\"]([^」”\"]{4,})[」”\"]")
NUMBER = re.compile(r"\d+")
CN_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
# Anything a browser would fetch or render: links, images, HTML, entities (matched after NFKC).
MARKUP = re.compile(r"(?i)(?<![a-z])(?:https?|ftp|file|javascript|data|mailto|vbscript):|(?<![a-z])www\."
                    r"|//[a-z0-9-]+\.[a-z]|!?\[[^\]\n]*\]\s*[(\[]|^\s*\[[^\]\n]+\]:|<\s*/?\s*[a-z!?]|&#?[a-z0-9]+;",
                    re.MULTILINE)
# E-mail addresses and domain names: only those the sources contain (the notice's own mailbox).
ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
                     r"|(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9])")
# Who may apply, stated either way, and the wordings that turn a refusal around ("…的说法已过时").
POSITIVE = re.compile(r"可以?申报|能够?申报|可以申请|能够?申请|有资格|具备.{0,8}(?:资格|条件)|"
                      r"(?:符合|满足|达到).{0,12}(?:条件|要求|标准|规定)|完全符合|完全满足|"
                      r"建议.{0,8}(?:准备|提交|申报|报送|申请)|不受.{0,8}限制|没有(?:任何)?(?:问题|障碍|限制)")
NEGATIVE = re.compile(r"不能|不可以|不可|不符合|不满足|未满足|达不到|无资格|没有资格|不具备|不属于|无法申报|不得申报"
                      r"|不宜|不应")
REVERSAL = re.compile(r"(?:说法|规定|限制|要求|条件|结论)[^，,。；]{0,8}"
                      r"(?:已?过时|已?取消|已?废止|不再适用|不准确|有误|错误|不成立|已放开)|不再(?:限制|适用)|已放开|已经放开")
# What only the program states about a type: eligibility, conditions, requirements, materials.
REQUIREMENT = re.compile(r"申报|申请|条件|要求|资格|材料|提交|推荐|应为|应当|必须|须|可以|能否|建议")
SENTENCE = re.compile(r"(?:「[^」]*」|“[^”]*”|[^。！？；!?\n「“])+[。！？；!?]*\n?|[。！？；!?\n]+")
CLAUSE_BREAK = re.compile(r"[，,]")


def _numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


def _folded(text: str) -> str:
    """NFKC and simplified characters: full-width ［ｘ］（ｈｔｔｐ… and traditional 示範縣 read as usual."""
    return simplified(unicodedata.normalize("NFKC", text))


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences, each with its end mark; a 「quote」 is never cut."""
    return SENTENCE.findall(text)


def _bare(sentence: str) -> str:
    """The model's own words: quotes removed (check_answer verifies every quote against the sources)."""
    return _folded(QUOTED.sub("", sentence))


def _types_in(text: str, type_names: dict[str, list[str]]) -> set[str]:
    return {key for key, names in type_names.items() if any(name in text for name in names)}


def polarity(clause: str) -> str | None:
    """"yes" or "no" when ``clause`` says an applicant may or may not apply; None when it says neither."""
    reversed_ = bool(REVERSAL.search(clause))
    if NEGATIVE.search(clause):
        return "yes" if reversed_ else "no"
    return "yes" if POSITIVE.search(clause) or reversed_ else None


def claims(text: str, type_names: dict[str, list[str]]) -> list[tuple[set[str], str, str]]:
    """(types, "yes"/"no", clause) for each clause that says who may apply; a clause naming no type is about
    the types named last in its sentence ("贵单位满足示范县的要求，建议尽快提交材料")."""
    found = []
    for sentence in sentences(text):
        focus: set[str] = set()
        for clause in CLAUSE_BREAK.split(_bare(sentence)):
            focus = _types_in(clause, type_names) or focus
            said = polarity(clause)
            if said and focus:
                found.append((focus, said, clause))
    return found


def check_answer(text: str, *, library: Library, allowed_ids: set[str], verdicts: dict[str, Verdict] | None,
                 type_names: dict[str, list[str]], context: str) -> list[str]:
    """Problems found in ``text``; empty means it may be shown.

    ``allowed_ids`` are the clauses the model was given; ``context`` is everything it was told
    (question, verdicts, clauses), the only place numbers, addresses and domain names may come from.
    """
    problems = []
    folded = unicodedata.normalize("NFKC", text)
    problems += [f"含有链接或标记 {m.group(0)[:20]}" for m in MARKUP.finditer(folded)]
    problems += [f"含有来源中没有的地址 {a}" for a in ADDRESS.findall(CITED_ID.sub("", folded)) if a not in context]
    cited = CITED_ID.findall(text)
    problems += [f"引用了未提供的条款 {cid}" for cid in cited if cid not in allowed_ids]
    sources = strip_space("".join(library.clause(cid).text for cid in allowed_ids if library.clause(cid)))
    problems += [f"引文与原文不符：「{q[:30]}」" for q in QUOTED.findall(text) if strip_space(q) not in sources]
    known = _numbers(context) | _numbers(context.translate(CN_DIGITS))
    without_ids = CITED_ID.sub("", text)
    problems += [f"出现来源中没有的数字 {n}" for n in sorted(_numbers(without_ids) - known)]
    for types, said, clause in claims(without_ids, type_names):
        for key in sorted(types & set(verdicts or {})):
            status = verdicts[key].status
            if (status == "ineligible" and said == "yes") or (status == "eligible" and said == "no"):
                problems.append(f"与规则判定（{key}：{status}）矛盾：{clause.strip()[:40]}")
    return problems


def without_claims(text: str, type_names: dict[str, list[str]], *, judged: bool) -> str:
    """``text`` without the sentences that say what a project type requires or who may apply to it; ``judged``
    (the rules gave verdicts): also without any sentence saying whether the applicant may apply."""
    kept = []
    for sentence in sentences(text):
        bare = _bare(sentence)
        about_type = bool(_types_in(bare, type_names)) and bool(REQUIREMENT.search(bare))
        if about_type or (judged and any(polarity(c) for c in CLAUSE_BREAK.split(bare))):
            continue
        kept.append(sentence)
    return "".join(kept).strip()
