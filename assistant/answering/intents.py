"""What a question asks: ``decide()`` turns one turn into the parts to answer, by one precedence table.

A question may ask several things ("截止时间和要报哪些材料"): it is cut where each piece asks something of
its own, and every piece gets an intent. Within a piece the first intent of ``PRECEDENCE`` that applies
wins; wording alone never picks a topic — the clauses retrieval ranks for the piece must agree
(``topics.yaml`` anchors), and a piece that no intent claims is answered from the best clause only when
that clause covers the piece's topic words (``evidence``). Phrase lists: ``assistant/language/lexicon.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from assistant.answering import evidence
from assistant.answering.topics import Topic, load_topics, matching_topics, step_after
from assistant.language.dates import DAY
from assistant.language.lexicon import alternation, pattern
from assistant.language.normalize import CJK
from assistant.rules import Profile, ProjectKey, kinds, mentioned_types, places, project_types
from assistant.rules.extract import project_names
from assistant.rules.layout import spoken
from assistant.rules.text import segment_bounds, segments, without_letter_frame

if TYPE_CHECKING:
    from assistant.corpus.model import Clause
    from assistant.retrieval.base import Hit


class Intent(StrEnum):
    smalltalk = "smalltalk"
    drafting = "drafting"
    listed = "listed"  # does a named unit hold a title (the loaded lists of recognised units)
    eligibility = "eligibility"
    when = "when"
    topic = "topic"
    definition = "definition"
    factual = "factual"
    out_of_scope = "out_of_scope"


# Within one piece of a question, the first intent that applies wins (eligibility is decided once for the
# whole question, since a self-description and the question about it are often separate pieces).
PRECEDENCE: tuple[Intent, ...] = (Intent.smalltalk, Intent.drafting, Intent.listed, Intent.eligibility, Intent.when,
                                  Intent.topic, Intent.definition, Intent.factual, Intent.out_of_scope)

# The events of the timetable a "when" question can be about, most specific first; `application` is the
# applicant's own stage and the default.
EVENTS = ("issued", "receipt", "recommendation", "selection", "acceptance", "creation", "next_round", "application")
TITLE_WORD = re.compile(r"示范|试点|称号|优势企业")
SUBJECT_END = re.compile(r"(?:是|已经|早就|都|也)+$")
PREDICTION = "评审结果或今后政策的预测"
STATEMENT = re.compile(r"了|验收|认定|评审|公示|申报|推荐")  # 验收通过了（就算示范单位吗）: an event, not a unit's name
FOLLOW_UP_ASKED = re.compile(r"呢|吗")
MIN_NAME = 4  # a subject without a place or a unit noun is taken for a name from this many characters (恒瑞光电)
SENTENCE = re.compile(r"([^。？！?!；;\n]+)([。？！?!；;\n]*)")
QUESTION_MARK = re.compile(r"[？?]")
STATEMENT_END = re.compile(r"[。！!]")
# A question that points back to what the sentence before it says (这么安排合适吗, 对此类要求有什么规定).
POINTS_BACK = re.compile(r"这样|这种|这么|此类|这类|如此|上述|以上|对此|此事|此举|这件事|这个情况|这一情况|该做法|"
                         r"(?:相关|有关)(?:的)?(?:规定|要求|说法|条款)"  # 这方面有没有有关规定: of what was described
                         r"|^(?:这个|那个|这|那)(?=[\u4e00-\u9fff]{1,5}(?:吗|么|呢)?[？?]?$)"  # 这个严重吗
                         r"|^(?:请问|想问下?)?(?:这|那)(?:个|样)?"  # 这符合…吗: a practice judged against the rules
                         r"(?=(?:是否|是不是|算不算)?(?:符合|违反|违背|合规|合理|允许))")
# A question whose subject is a bare 这/那 (这算上级的硬规定么？…): about the scene told with it, before or after.
ABOUT_THE_SCENE = re.compile(r"(?:请问|那|那么)?(?:这|那)(?:个|样|种)?(?:是|算|属于|符合|违反|合理|合规|可以|行)")
# A comma before words that start a new question (还有, but not 还有多久; 另外, but not 另外两位股东).
NEW_QUESTION = re.compile(r"[，,](?=另外(?![一两几的个位家名])|还有(?!多久|多少|多长|几)|以及|再问|顺便|同时|此外"
                          r"|还想问|另问)")
# not 来得及, 涉及, 及时, 还有几天
CONJUNCTION = re.compile(r"和|(?<!来得)(?<![涉普危])及(?!时)|以及|还有(?!多久|多少|多长|几)|与|跟|同时")
DEFINITION = re.compile(r"(?P<run>[\u4e00-\u9fff“”]{2,20}?)"
                        r"(?:是什么意思|什么意思|指什么|是指什么|怎么理解|如何理解|的含义|的定义|怎么界定)")
EVENT_LIST = re.compile(r"和|及|以及|、|与|分别|各")
PHASE = re.compile(r"进度|阶段|进行到|(?:到|在)了?哪一?(?:步|个?环节)|现在.{0,4}(?:怎么样|情况)")
WHO_MAY = re.compile(r"(?:哪些|哪类|哪种|什么样的?|什么|哪个|哪一类)"
                     r"(?:单位|企业|公司|机构|科研机构|学校|高校|院校|园区|政府|主体|地方|城市)|谁|由谁")
ANAPHOR = re.compile(r"这|那|此|该")
CLAUSE_BREAK = re.compile(r"[，,；;？?]")  # between the clauses of a piece
SORTED_INTO = re.compile(r"(?:归|属于|算作?|划入|对应)(?:哪|[^，,。？?]{0,4}?(?:示范|▢))")  # units sorted into types
# X都有谁 asks who X are; X还是谁 ("X, or who") does not
WHO_IS = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:都|分别|具体)?(?<!还)(?:是|有)(?:谁|哪些人|哪几位|哪位)"
                    r"(?=$|[^\u4e00-\u9fff]|[呢啊呀吗])")  # not 是谁审的: who does it asks a clause's subject
REAPPLY = re.compile(rf"(?:还(?!是)|再|重新|重复|需要|需不需要|要不要|用不用|还用|还要|不用|不需要|不必|能不能|可以|能|"
                     rf"(?:这次|这届|这一届|今年|本届)要)[^，,。？?]{{0,4}}?"
                     rf"(?:{alternation('apply')}|{alternation('submit')})")  # 已认定过，还得重新提交吗 (还是: "or")
CONDITION = re.compile(rf"^(?:{alternation('hypothetical')})|的话$")
UNTIL = re.compile(r"结束|持续|截止到|(?:到|至)(?:哪年|哪一年|什么时候|何时|哪天)|多久|多长时间|"
                   r"(?<![前这近那头])几年")  # not 前几年: years past


@dataclass(frozen=True)
class Part:
    """One thing the question asks, and how to answer it."""

    intent: Intent
    text: str
    slot: str = ""  # when: the event; topic: its name; smalltalk: greeting/thanks/identity; out_of_scope: note
    topic: Topic | None = None
    hits: tuple[Hit, ...] = ()


@dataclass
class Decision:
    parts: list[Part]
    types: list[ProjectKey] = field(default_factory=list)
    about_applicant: bool = False  # the rules' verdicts belong to this answer

    @property
    def route(self) -> Intent:
        return self.parts[0].intent


SHORT = 8  # an elliptical piece is short: 谁来填？ 发到哪里？


def things_named(text: str) -> str:
    """The notice's things that ``text`` names, in order (回执, 申报书 …; see ``things`` in the lexicon)."""
    return "".join(match.group() for match in pattern("things").finditer(text))


def things_before(questions: list[str]) -> str:
    """The things that the latest of ``questions`` (oldest first) naming any of them names."""
    return next((named for question in reversed(questions) if (named := things_named(question))), "")


WHAT_ABOUT_THING = re.compile(r"(?:那|那么)(?P<thing>[^，,。；;！!？?]{1,12}?)(?:呢|怎么样)[？?]*")


BY_TYPE = ("contacts", "quota")  # topics whose answer differs by project type
# "那示范县呢", "高校的呢，也同一人吗": another type, asked what was asked of one before (a short tail: the same?)
WHAT_ABOUT_TYPE = re.compile(r"(?:那|那么)?(?P<thing>[^，,。；;！!？?]{2,12}?)(?:呢|怎么样)[？?]*"
                             r"(?:[，,\s]*(?:也|一样|同样)[^，,。；;！!？?]{0,6}[？?]*)?")


def what_about(text: str, previous: str) -> str:
    """"那推荐材料呢？" after "回执什么时候截止？": the question before, asked of the thing this one names (not of
    a project type: see ``of_another_type``, which the assistant applies before it reads a turn)."""
    match = WHAT_ABOUT_THING.fullmatch(text.strip())
    named = list(pattern("things").finditer(previous))
    if not match or not named or not things_named(match["thing"]) or mentioned_types(match["thing"]):
        return text
    first = named[0]
    rest = previous[first.end():]
    for other in named[1:]:
        rest = rest.replace(other.group(), "", 1)
    return previous[:first.start()] + match["thing"] + rest


def of_another_type(text: str, previous: str) -> str | None:
    """The question before, asked of the one type a "那X呢" follow-up turns to, when it named one type and asked
    what differs by type (whom to ask, how many, when), not whether the asker may apply."""
    match = WHAT_ABOUT_TYPE.fullmatch(text.strip())
    turned_to = (mentioned_types(match["thing"]) or type_asked_about(f"{match['thing']}呢")) if match else []
    before = mentioned_types(previous)
    if len(turned_to) != 1 or len(before) != 1 or turned_to == before or pattern("asks_eligibility").search(previous) \
            or not (pattern("when").search(previous)
                    or any(topic.special in BY_TYPE for topic in matching_topics(previous))):
        return None
    name = max((name for name, key in project_names().items() if key == before[0] and name in previous), key=len,
               default="")  # none when named by a short name of its own (服务业集聚区)
    return previous.replace(name, project_types()[turned_to[0]].short, 1) if name else None


def with_things_carried(text: str, things: str) -> str:
    """An elliptical follow-up ("谁来填？", "明天截止是吧？") read with the things the question before it named; a
    question naming one of them or a project type (那申请强市呢), or no question at all, as it is."""
    if not things or things_named(text) or not asks(text) or smalltalk(text) or type_asked_about(text):
        return text
    return things + text


def with_neighbours_things(found: list[str]) -> list[str]:
    """The pieces of one message, a short elliptical one read with the things the piece before it names ("回执要报
    给谁？最晚哪天？"). Not the piece after: that gained nothing on the held-out sets and cost held-out qa_6 a fact."""
    before = ["", *(things_named(piece) for piece in found[:-1])]
    return [with_things_carried(piece, things) if len(piece) <= SHORT else piece
            for piece, things in zip(found, before, strict=True)]


def describes(profile: Profile | None) -> bool:
    """Whether a profile says anything about the applicant (who it is, or a fact a clause depends on)."""
    if profile is None:
        return False
    return profile != Profile(as_of=profile.as_of)


def asks(text: str) -> bool:
    return any(pattern(name).search(text) for name in ("asks_something", "when", "asks_eligibility"))


def pieces(text: str) -> list[str]:
    """The question cut where each piece asks something of its own; a piece that only asks ("怎么交"), naming
    no unit, stays with the one before it; pieces that ask nothing (a self-description) are dropped unless nothing
    else is left."""
    return [piece for piece, _ in pieces_and_scenes(text)]


def pieces_and_scenes(text: str, request: bool = False) -> list[tuple[str, str]]:
    """``pieces`` with, for each, what the text says after it without asking anything (查实了怎么处理？假如报的数字
    不实。), or before it when it points back (…要建大展馆、请明星站台。…通知提倡这么做吗？): the scene a piece that
    cannot be answered alone is read with. ``request``: the text is what a form's request field says
    (索取…负责人电话), every piece of it asked."""
    found: list[str] = []
    questioned: set[str] = set()  # pieces that end a sentence closed by a question mark (要原件还是复印件？)
    stated: set[str] = set()  # pieces of a sentence closed by 。or ！ in a text that closes its questions with ？
    before: dict[str, str] = {}  # a piece that points back (提倡这么做吗): the statements before it
    marks_questions = bool(QUESTION_MARK.search(text))
    previous = ""
    for sentence in SENTENCE.finditer(text):
        cut = [p for part in split_commas(sentence.group(1)) if part.strip("，, ") for p in split_conjoined(part)]
        before.update({piece: previous for piece in cut if previous and POINTS_BACK.search(piece)})
        previous = "" if QUESTION_MARK.search(sentence.group(2)) else f"{previous}，{sentence.group(1)}".lstrip("，")
        found += cut
        if cut and QUESTION_MARK.search(sentence.group(2)):
            questioned.add(cut[-1])
        elif marks_questions and STATEMENT_END.search(sentence.group(2)):
            stated.update(cut)

    listed = bool(ASKED_LIST.search(text))

    def asking(piece: str) -> bool:
        if listed and LIST_ITEM.match(piece):  # …如下：一是…；二是…；三是回执何时寄出: each item asked
            return True
        if piece in stated and piece not in questioned:  # 又担心赶不上。: only asking words make it ask (想了解…。)
            return bool(pattern("asks_something").search(piece) or pattern("asking_verb").search(piece))
        return request or asks(piece) or piece in questioned

    out: list[list[str]] = []
    for piece in found:
        if out and not evidence.topic_words(piece) and asking(piece) and kind_of(piece) != "when" \
                and not any(not kinds.OWN.search(piece, 0, m.start()) for m in kinds.MARKER.finditer(piece)):
            # 研究所选哪一类: a kind of unit, not the asker's own, is asked about on its own
            out[-1][0] = f"{out[-1][0]}，{piece}"
        elif out and asking(out[-1][0]) and not asking(piece):
            out[-1][1] = f"{out[-1][1]}，{piece}".lstrip("，")
        elif out and asking(piece) and not asking(out[-1][0]) and not before.get(piece) \
                and evidence.other_programme(out[-1][0]) is None:
            out.append([piece, out[-1][0]])  # 两项数据系估算。倘若核出偏差呢: the statement said before it
        else:
            out.append([piece, before.get(piece, "")])
    kept = [(piece, scene) for piece, scene in out if asking(piece)]
    return kept or [(text, "")]


# A list of questions announced (现将有关问题请示如下：, 想咨询如下几点：): each item of it asks, a noun phrase too.
ASKED_LIST = re.compile(r"(?:请示|咨询|请教|问题|事项)[^。；;！!？?\n]{0,8}(?:如下|以下)[^。；;！!？?\n]{0,6}[：:]")
NUMERAL = "一二三四五六七八九十"
LIST_ITEM = re.compile(rf"\s*(?:[{NUMERAL}]是|[{NUMERAL}][、.．]|\d+[、.．)）]|[（(][{NUMERAL}\d]+[）)])")


def split_commas(chunk: str) -> list[str]:
    """A chunk cut at commas that start a new question (另外, 还有 …) or that separate clauses each asking about
    a known topic of its own ("文号是多少，是哪天发的")."""
    out = []
    for part in NEW_QUESTION.split(chunk):
        if alternatives := split_alternatives(part):
            out += alternatives
            continue
        groups = asking_groups([c for c in re.split(r"[，,]", part) if c])
        out += ["，".join(group) for group in groups] if len(groups) > 1 else split_listed_asks(part)
    return out


def asking_groups(clauses: list[str]) -> list[list[str]]:
    """The clauses grouped by what they ask, when two or more ask by themselves about different known topics
    (几号截止，申报书模板找谁要): a group runs from a clause that asks to the next that asks about another topic,
    the statements before the first kept with it; one group otherwise."""
    asked = [(number, kind) for number, clause in enumerate(clauses) if (kind := asked_kind(clause))]
    starts = [number for (number, kind), previous in zip(asked, [("", ""), *asked], strict=False)
              if kind != previous[1]]
    if len({kind for _, kind in asked}) < 2 or len(starts) != len({kind for _, kind in asked}):
        return [clauses]
    bounds = [0, *starts[1:], len(clauses)]
    return [clauses[start:end] for start, end in pairwise(bounds)]


def asked_kind(fragment: str) -> str:
    """``own_kind`` of a fragment that asks, "" when it asks nothing or nothing known."""
    kind = own_kind(fragment) if fragment and asks(fragment) else ""
    return "" if kind == "ask" else kind


# Two cases asked with one question (没通过验收，或者认定后被查出问题，各怎么办).
ALTERNATIVES = re.compile(r"(?P<first>[^，,]+)[，,](?:或者|或是|或|还是)(?P<second>[^，,]+)[，,](?P<question>[^，,]+)")


def split_alternatives(part: str) -> list[str]:
    """Each case of "A，或者B，问" with the question, when the two cases are about topics of their own."""
    match = ALTERNATIVES.fullmatch(part)
    if match is None:
        return []
    pieces = [f"{match['first']}{match['question']}", f"{match['second']}{match['question']}"]
    kinds = [own_kind(piece) for piece in pieces]
    return pieces if all(kind and kind != "ask" for kind in kinds) and kinds[0] != kinds[1] else []


def split_listed_asks(part: str) -> list[str]:
    """"示范县谁能报、什么时候截止、能推几个": questions listed with 、, each asking, two at least about known topics
    of their own, are each a piece (a list of things, 材料、格式, or one thing asked twice, 怎么评、按什么评, is one
    question)."""
    items = [item for item in part.split("、") if item]
    labelled = [own_kind(item) for item in items if asks(item)]
    named = [kind for kind in labelled if kind and kind != "ask"]
    if len(items) > 1 and len(labelled) == len(items) and len(named) >= 2 and len(set(named)) == len(named):
        return items
    return [part]


def split_conjoined(piece: str) -> list[str]:
    """"截止时间和要报哪些材料" → two pieces, when both sides of 和/以及 ask something of their own."""
    for match in CONJUNCTION.finditer(piece):
        left, right = piece[:match.start()], piece[match.end():]
        kinds = own_kind(left), own_kind(right)
        if all(kinds) and kinds[0] != kinds[1] and ("when" in kinds or pattern("asks_something").search(left)):
            return [left, right]
    return [piece]


def own_kind(fragment: str) -> str:
    """``kind_of``, except that "when" without an event of its own ("还有多久") asks about what is next to it."""
    kind = kind_of(fragment)
    return "" if kind == "when" and not events(fragment) and not pattern("deadline").search(fragment) else kind


def kind_of(fragment: str) -> str:
    """A coarse label of what a fragment asks ("" when it asks nothing), enough to tell two questions apart."""
    if pattern("when").search(fragment):
        return "when"
    if topics := matching_topics(fragment):
        return topics[0].name
    return "ask" if pattern("asks_something").search(fragment) and evidence.topic_words(fragment) else ""


THIS_YEARS_ROUND = re.compile(r"今年[^，,。；;？?]{0,4}新一届")  # 今年启动的新一届: this round, the new one
RECOMMENDED = re.compile(r"推荐|材料")  # what the recommendation event sends, beyond its verbs (报送, 上报)


def events(piece: str) -> list[str]:
    """The timetable events a "when" piece is about, in the order of ``EVENTS``."""
    if pattern("frequency").search(piece):
        return ["rhythm"]
    if (phase := PHASE.search(piece)) and not any(pattern(f"event_{event}").search(piece, *segment_bounds(
            piece, phase.start())) for event in EVENTS):
        return ["phase"]  # 上个月已由省局推荐，目前在哪个阶段: the stage now, not the step told before
    found = own_events(piece)
    if pattern("this_round").search(piece) and UNTIL.search(piece) and "next_round" not in found:
        return ["round_span"]
    if "application" in found and len(found) > 1:
        found.remove("application")  # "推荐材料什么时候报": the named event, not the generic verb
    if "receipt" in found and "recommendation" in found and not RECOMMENDED.search(piece):
        found.remove("recommendation")  # "回执现在还能报送吗": what is sent is the receipt
    if len(found) > 1 and not EVENT_LIST.search(piece):
        found = timed_apart(piece, found) or [nearest_event(piece, found)]  # "没评上的下一届什么时候": the one the
        # time words ask about
    if found in ([], ["application"]) and pattern("deadline").search(piece):
        return ["recommendation"]  # the application stage ends with the provincial offices' recommendation
    if found in ([], ["application"]) and pattern("still_open").search(piece):
        return ["still_open"]
    if not found and PHASE.search(piece):
        return ["phase"]
    return found


def timed_apart(piece: str, found: list[str]) -> list[str]:
    """The events each asked when in a clause of its own (回执几号交 验收是哪年), when more than one is."""
    per_clause = [[event for event in found if pattern(f"event_{event}").search(clause)]
                  for clause in re.split(r"[，,；;？?\s]+", piece) if pattern("when").search(clause)]
    asked = list(dict.fromkeys(named[0] for named in per_clause if len(named) == 1))
    return asked if len(asked) > 1 else []


def nearest_event(piece: str, found: list[str]) -> str:
    """Of several events a piece names, the one nearest its time words ("没评上的下一届什么时候" → 下一届,
    "创建期满以后哪天验收" → 验收), else nearest its end, where it asks ("早就认定为示范市了，下一轮还需要再报吗")."""
    asked = pattern("when").search(piece) or pattern("frequency").search(piece)
    start, end = asked.span() if asked else (len(piece), len(piece))
    distance = [(min(abs(m.start() - end), abs(start - m.end())), event)
                for event in found for m in pattern(f"event_{event}").finditer(piece)]
    return min(distance)[1]


def when_events(piece: str, about_programme: bool) -> list[str]:
    """The events of a piece that asks when. Without an event word it is the applicant's own stage — unless
    it names another programme, or words the programme never uses (下周几号放假)."""
    found = events(piece)
    asks_when = bool(pattern("when").search(piece) or pattern("frequency").search(piece) or PHASE.search(piece))
    if not asks_when and any(event in ("next_round", "round_span", "rhythm") for event in found):
        return found  # "那下一届呢": the next round is a date of its own
    if not asks_when:
        return []
    rest = evidence.without_programmes(piece)
    if (programme := evidence.other_programme(piece)) and (
            (own_events(rest) in ([], ["application"]) and not type_timed(rest))
            or its_notice(piece, programme.names)):
        return []  # "高企认定什么时候开始申报", "某某基地的通知出来没有": that programme's steps, not this round's
    if evidence.earlier_round(piece) and pattern("that_round").search(piece):
        return []  # "2021年那次当时几号前报": that round's dates, which its own document may give
    if found:
        return found
    if pattern("deadline").search(piece):
        return ["recommendation"]
    residual = evidence.topic_words(pattern("when").sub("", piece))
    return ["application"] if about_programme or not residual else []


def type_timed(piece: str) -> bool:
    """A clause of the piece asks when of a type of this round (…，示范高校哪天前交)."""
    return any(pattern("when").search(clause) and mentioned_types(clause) for clause in CLAUSE_BREAK.split(piece))


def own_events(piece: str) -> list[str]:
    """The events a piece names in this round's own words: not the deadline or stage any programme has (截止)."""
    return [event for event in EVENTS if pattern(f"event_{event}").search(piece)
            if not (event == "next_round" and THIS_YEARS_ROUND.search(piece))]


def its_notice(piece: str, names: tuple[str, ...]) -> bool:
    """The piece speaks of another programme's notice (某某服务基地的申报通知)."""
    return bool(re.search(rf"(?:{'|'.join(map(re.escape, names))})[^，,。；;？?]{{0,10}}?(?:通知|文件)", piece))


TITLE_LINES = ("annex", "annexes", "title", "docno")  # clauses that only name a document


def chosen_topic(piece: str, hits: list[Hit], topics: list[Topic] | None = None) -> Topic | None:
    """The topic the piece's wording names, when one of its clauses is retrieved and no other of the best
    clauses covers the piece's remaining words better ("认定结果在哪里公开" names 公开, but the clause on the
    公示 of 认定 results covers more of it than "此件公开发布"). A topic's own wording counts as covered by its
    clauses; an annex's topic covers all a question asks of the annex. Of several such topics, the one whose
    clause retrieval ranks highest."""
    best = [hit.clause for hit in hits[:3]]
    rank = {hit.clause.id: position for position, hit in enumerate(hits)}
    passing = []
    candidates = asked_topics(piece) if topics is None else topics
    if final := yes_no_focus(piece):  # "…会摘牌吗": the topic naming 摘牌
        candidates = [t for t in candidates if any(a <= final[0] < b for a, b in (m.span() for m in
                                                                                  t.pattern.finditer(piece)))] \
            or candidates
        if len(candidates) == 1 and any(h.clause.id in candidates[0].anchors for h in hits):
            return candidates[0]
    for topic in candidates:
        own = [hit.clause for hit in hits if hit.clause.id in topic.anchors]
        if not own:
            rest = topic.pattern.sub("", piece)
            if not evidence.earlier_round(piece) and max(  # an earlier round's topic is its documents' to answer
                    (evidence.coverage(rest, [c]) or 0.0 for c in best if c.kind not in TITLE_LINES),
                    default=0.0) < evidence.ANSWERED:  # no better-ranked clause answers what else it asks
                passing.append((len(hits), topic))
            continue
        if topic.annex:  # what else an annex's topic asks is asked of the annex (指标…多少件, 回执上填哪些信息)
            passing.append((min(rank[c.id] for c in own), topic))
            continue
        mine = evidence.coverage(topic.pattern.sub("", piece), own)
        others = max((evidence.coverage(piece, [c]) or 0.0 for c in best  # a line naming a document says no more
                      if c.id not in topic.anchors and c.kind not in TITLE_LINES), default=0.0)
        if mine is None or mine >= others or others < evidence.ANSWERED:
            passing.append((min(rank[c.id] for c in own), topic))
    # the most specific wording first ("再报一遍" is 减负, not "再报"), then the best-ranked clause
    return min(passing, key=lambda pair: (-matched_length(pair[1], piece), pair[0]))[1] if passing else None


def matched_length(topic: Topic, piece: str) -> int:
    return max((m.end() - m.start() for m in topic.pattern.finditer(piece)), default=0)


YES_NO = re.compile(r"(?:吗|么|呢|没有?|不)[？?！!。]*$")
WHETHER = re.compile(r"是否|能否|可否|会不会|是不是|有没有|要不要")  # 是否会收取…费用: a yes/no question too


def yes_no_focus(piece: str) -> tuple[int, str] | None:
    """Where the word a yes/no question ends on starts ("验收不合格的会摘牌吗" → 摘牌), if it is a topic word."""
    end = YES_NO.search(piece) or (re.search(r"[？?。]*$", piece) if WHETHER.search(piece) else None)
    if end is None:
        return None
    words = evidence.topic_words(piece[:end.start()])
    if not words or not piece[:end.start()].endswith(words[-1]):
        return None
    return end.start() - len(words[-1]), words[-1]


def best_covering(piece: str, hits: list[Hit]) -> list[Hit]:
    """The hits with the one of the best three that covers most of the piece's topic words first (for a question
    asking when, one giving a date); of equals, for a question about who does something, one that says more than
    a document's title (申报书该谁填写: the arrangements, not the line listing the annex)."""
    actor = bool(pattern("asks_actor").search(piece))
    dated = bool(pattern("when").search(piece))  # 那次当时几号前报 (asked of a document of its own): a dated clause
    best = max(hits[:3], key=lambda hit: (dated and bool(DAY.search(hit.clause.text)),
                                          evidence.coverage(piece, [hit.clause], loose=False) or 0.0,
                                          evidence.coverage(piece, [hit.clause]) or 0.0,
                                          not (actor and hit.clause.kind in TITLE_LINES), hit.score))
    return [best, *(hit for hit in hits if hit is not best)]


# The verb a request opens with (咨询…, 打听…): the act of asking, not what is asked about.
REQUEST_VERB = re.compile(rf"^(?:来电人|市民|其)?(?:想|希望|要求)?(?:{alternation('asking_verb')})(?!题)"
                          r"(?:一下)?[：:]?")
FIELD_LABEL = re.compile(r"【([^】]{1,10})】|(?:^|\n|[|｜；;\t])\s*([\u4e00-\u9fff]{2,6})[：:]")


SHORT_ASK = 12  # a message to the assistant this short (文件怎么讲, 规定是什么) is read with the whole chat


def addressed(text: str) -> str:
    """What a chat record asks of the assistant: the message after @智能助手, or, when it only calls the assistant,
    the last line before that asks something; "" when the text calls no assistant or the message needs the chat
    before it (文件怎么讲)."""
    lines = text.split("\n")
    for number in range(len(lines) - 1, -1, -1):
        if mention := pattern("assistant_mention").search(lines[number]):
            ask = lines[number][mention.end():].strip(" ：:，,")
            if not ask:
                return next((said for line in reversed(lines[:number]) if asks(said := spoken(line))), "")
            return ask if len(CJK.findall(ask)) > SHORT_ASK and not POINTS_BACK.search(ask) else ""
    return ""


def requested(text: str) -> str:
    """What a text laid out in labelled fields asks: its request field's content (【诉求】索要…), or ""."""
    labels = list(FIELD_LABEL.finditer(text))
    ends = [label.start() for label in labels[1:]] + [len(text)] * bool(labels)
    asked = [REQUEST_VERB.sub("", text[label.end():end].strip()) for label, end in zip(labels, ends, strict=True)
             if pattern("request_field").fullmatch(label.group(1) or label.group(2))]
    return "\n".join(part for part in asked if part)


def without_courtesies(text: str) -> str:
    """The question without 您好、打扰一下、谢谢 … around it (the text itself when nothing else is left)."""
    stripped = pattern("courtesy").sub("", text)
    return re.sub(r"^[，,。！!\s]+|[，,\s]+(?=[。！!？?]|$)", "", stripped) or text


def smalltalk(text: str) -> str:
    return next((name for name in ("greeting", "thanks", "identity") if pattern(name).search(text.strip())), "")


# 五、工作要求, asked beside a verdict
RULE_TOPICS = ("fees", "service_fees", "falsification", "burden", "voluntary", "realism")
QUESTION_WORDS = re.compile(r"(?:吗|呢|么)[？?]?$|谁|什么|哪|怎么|如何|多少|是否"
                            r"|[^，,。]还是[^，,。]|([\u4e00-\u9fff])不\1")  # A还是B, 要不要: a choice asked


def asked_beside(piece: str) -> list[str]:
    """The clauses of a piece that ask a question of their own beside the wish to apply (想报示范高校，材料直接寄
    国家局吗): each is asked too (the conditions of applying stay the verdict's to answer)."""
    clauses = [piece[a:b] for a, b in segments(piece)]
    return [clause for clause in clauses if QUESTION_WORDS.search(clause) and matching_topics(clause)
            and not pattern("asks_eligibility").search(clause) and not REAPPLY.search(clause)]


def decide(text: str, *, turn: Profile, profile: Profile | None, search: Callable[[str], list[Hit]],
           corpus: Sequence[Clause]) -> Decision:
    """The parts of one turn. ``turn``: what this turn says of the applicant; ``profile``: what the
    conversation knows (this turn included); ``corpus``: every clause that may be cited."""
    if kind := smalltalk(text):
        return Decision([Part(Intent.smalltalk, text, slot=kind)])
    if pattern("drafting").search(text):
        return Decision([Part(Intent.drafting, text)])
    request = requested(text)
    asked = request or addressed(text)  # 【诉求】…, @智能助手 …: what the text asks of the assistant
    types = mentioned_types(text) or type_asked_about(asked or text) or types_of_applying_government(asked or text)
    text = without_courtesies(asked or without_letter_frame(text))
    if held := [(piece, subject) for piece in pieces(text) if (subject := held_title_subject(piece))]:
        applying = any(pattern("asks_eligibility").search(piece) or REAPPLY.search(piece) for piece in pieces(text))
        parts = [Part(Intent.listed, held[0][0], slot=held[0][1])]
        return Decision(parts + [Part(Intent.eligibility, text)] * applying, types=types, about_applicant=applying)
    applicant = describes(turn) or describes(profile)
    if applicant and (describes(turn) or types) and not request and not asks(text):  # a self-description, or a
        # statement naming a type once the applicant is known (查阅旧文件后发现那次只评了试点): what may it apply for
        return Decision([Part(Intent.eligibility, text)], types=types, about_applicant=True)
    about_programme = bool(types) or applicant or bool(re.search(alternation("programme_words"), text))
    holds_title = any(p is not None and (p.recognized or p.unsure_recognized or p.listed_units or p.piloted)
                      for p in (turn, profile))  # a loaded list names the applicant: it may hold one; a pilot
    # asking whether it must apply again is asking whether it may (its verdict says a pilot is no title)
    parts_of = partial(decide_piece, about_programme=about_programme, names_type=bool(types), described=applicant,
                       holds_title=holds_title, search=search, corpus=corpus)
    parts: list[Part] = []
    eligibility = False
    written, scenes = zip(*pieces_and_scenes(text, bool(request)), strict=True)
    asked_before = ""
    listed = bool(ASKED_LIST.search(text))
    for said, piece, scene in zip(written, with_neighbours_things(list(written)), scenes, strict=True):
        if parts and parts[-1].intent == Intent.out_of_scope and parts[-1].slot \
                and (not continues_programme(said) or pattern("relation_asked").search(said)):
            parts.append(Part(Intent.out_of_scope, piece, slot=parts[-1].slot))  # "专利年费减缴…？需要什么材料？"
            continue
        if parts and parts[-1].topic and parts[-1].topic.annex and not continues_programme(said) \
                and not kinds.markers(said) and not (listed and LIST_ITEM.match(said)):
            # 申报书分几部分？篇幅有要求吗？: asked of the same annex (not the next item of a list of questions)
            parts.append(replace(parts[-1], text=piece))
            continue
        if (applicant or types) and about_this_applicant(piece, describes(turn) or bool(types), applicant,
                                                         holds_title):
            eligibility = True
            # 想报示范企业，听说要交评审费，是真的吗: a work rule the same sentence asks about in its own words (not
            # 公司花钱建的展示厅: only the notice's word for money, 收取费用, would name fees there)
            parts += [part for part in parts_of(piece) if part.intent == Intent.topic and part.topic is not None
                      and part.topic.name in RULE_TOPICS and part.topic.pattern.search(piece)]
            parts += [part for clause in asked_beside(piece) for part in parts_of(clause)
                      if part.intent == Intent.topic and part.topic is not None and part.topic.special != "conditions"]
            continue
        decided = parts_of(f"{scene}，{piece}" if scene and ABOUT_THE_SCENE.match(piece) else piece)
        if not mentioned_types(piece) and scene and not continues_programme(piece) \
                and (programme := evidence.other_programme(scene)) is not None \
                and not pattern("this_round").search(scene):  # …就等于已认定的示范单位，本届不必再报: this round's
            decided = [Part(Intent.out_of_scope, piece, slot=programme.note)]  # 要备什么材料？我们打算建导航基地。
        rules = [topic for topic in matching_topics(f"{piece}，{scene}") if topic.name in RULE_TOPICS] \
            if scene and POINTS_BACK.search(piece) else []
        if rules:  # 文件对这种做法怎么说: a practice described before it, asked against the work rules
            decided = [Part(Intent.topic, piece, slot=rules[0].name, topic=rules[0],
                            hits=tuple(search(f"{piece}，{scene}")))]
        if asks_next_step_only(said) and (following := topic_of_next_step(text[:text.find(said)] + said)):
            decided = [Part(Intent.topic, piece, slot=following.name, topic=following, hits=tuple(search(piece)))]
        # what the notice does not answer alone: read with the scene said around it, then with the piece asked
        # before it (这次按哪个文件开展？报批过没有？: asked of the same thing)
        for context in [f"{piece}，{scene}"] * bool(scene) + [f"{asked_before}，{piece}"] * bool(asked_before):
            if all(part.intent == Intent.out_of_scope and not part.slot for part in decided):
                decided = [p for p in parts_of(context) if p.intent != Intent.out_of_scope] or decided
        asked_before = said
        parts += decided
    if not types:
        parts = asked_of_the_programme_named_after(parts)
    if eligibility:
        parts.insert(0, Part(Intent.eligibility, text))
    elif describes(turn) and types and any(part.slot == "still_open" for part in parts):
        eligibility = True  # 我们是有限公司，示范企业眼下报还赶趟吗: whether in time, then whether it may
        parts.append(Part(Intent.eligibility, text))
    return Decision(dedupe(parts) or parts_of(text), types=types, about_applicant=eligibility)


STEPS = ("application", "recommendation", "selection", "creation", "acceptance")  # in the order they happen
STEP_WORDS = re.compile(r"流程|步骤|环节|程序|安排")


def asks_next_step_only(piece: str) -> bool:
    """The piece asks what comes next and nothing else (下一步是什么; not 接下来是不是就挂牌了 or
    下一步国家局怎么评审: what it names is asked)."""
    found = pattern("next_step").search(piece)
    return bool(found) and not evidence.topic_words(STEP_WORDS.sub("", piece[found.end():]))


def topic_of_next_step(text: str) -> Topic | None:
    """The topic of the step after the latest one ``text`` (what the turn says up to the question) tells
    (材料已由省局推荐上去了，下一步是什么 → the review that chooses creation objects), if it tells one."""
    told = [step for step in STEPS if pattern(f"event_{step}").search(text)]
    return step_after(told[-1]) if told else None


def asked_of_the_programme_named_after(parts: list[Part]) -> list[Part]:
    """Pieces before the one naming another programme that name nothing of this one ("要备什么材料？我们打算建一个
    专利导航服务基地。"): asked of that programme, as the pieces after it are."""
    named = next((i for i, part in enumerate(parts) if part.intent == Intent.out_of_scope and part.slot), None)
    if not named:
        return parts
    slot = parts[named].slot
    return [Part(Intent.out_of_scope, part.text, slot=slot) if part.intent in (Intent.topic, Intent.factual)
            and not continues_programme(part.text) else part for part in parts[:named]] + parts[named:]


ASKED_ABOUT = re.compile(r"^(?:那|那么)?(?:(?:报|申报|申请)(?P<applied>[\u4e00-\u9fff]{2,12}?)"  # 那申请强市呢
                         r"|(?P<thing>[\u4e00-\u9fff]{4,12}?))(?:呢|怎么样)")


def type_asked_about(text: str) -> list[ProjectKey]:
    """The project type a "X呢" follow-up names in a shortened wording (服务业示范区呢 → 服务业集聚示范区): one
    whose name holds the thing's characters in order, when only one does."""
    match = ASKED_ABOUT.match(text)
    if not match:
        return []
    thing = match.group("applied") or match.group("thing")
    found = {key for name, key in project_names().items() if in_order(thing, name)}
    return list(found) if len(found) == 1 else []


# Which unit goes down as the applicant (申报主体填科技局还是填县政府): the types that government applies for.
APPLYING_UNIT_ASKED = re.compile(r"申报(?:单位|主体)|落款|以谁的?名义|谁(?:来|去)?(?:申报|报)")
GOVERNMENT_OF = {"county": re.compile(r"县(?:人民)?政府"), "city": re.compile(r"(?<![县区])市(?:人民)?政府")}


def types_of_applying_government(text: str) -> list[ProjectKey]:
    """The type a question about who is written down as the applicant implies by the government it names."""
    if not APPLYING_UNIT_ASKED.search(text):
        return []
    return [key for key, government in GOVERNMENT_OF.items() if government.search(text)][:1]


def in_order(short: str, name: str) -> bool:
    rest = iter(name)
    return all(char in rest for char in short)


TIME_CLAUSE = re.compile(r"(?:以后|之后|以前|之前|的时候|后|时)$")
NOT_A_NAME = re.compile(r"[哦噢嗯啊对]|(?:去|前|今|当)年|20\d{2}年|我们的?|咱们的?")  # fillers and times around a noun


def held_title_subject(piece: str) -> str | None:
    """The unit a piece asks about when it asks whether (or since when) that unit holds a title: "余杭区是示范县吗"
    → 余杭区, "禾丰新材料哪年拿的示范企业" → 禾丰新材料. None for the asker's own case and for general questions
    ("申报示范县是不是要先当试点县")."""
    if not TITLE_WORD.search(piece) or pattern("self_intro").search(piece) or pattern("asks_eligibility").search(piece):
        return None
    found = pattern("asks_held_title").search(piece)
    subject = SUBJECT_END.sub("", piece[:found.start()]).strip("，, ") if found else ""
    if not subject or pattern("general_subject").search(subject) or TITLE_WORD.search(subject) \
            or re.search(alternation("programme_words"), subject) or STATEMENT.search(subject) \
            or FOLLOW_UP_ASKED.search(subject) or TIME_CLAUSE.search(subject):  # 那学校呢，前年已是示范高校: said of
        return None  # the unit asked about; 入选以后是不是…: a time, no unit
    if kinds.MARKER.fullmatch(NOT_A_NAME.sub("", subject)):
        return None  # 嗯，集团早些年是示范企业: a kind of unit without a name, nothing a list could hold
    names_unit = places.chains(subject) or kinds.markers(subject) or len(CJK.findall(subject)) >= MIN_NAME
    return subject if names_unit else None


def spares_applying(piece: str) -> bool:
    """The piece tells of a title held (of another programme or level, or of an earlier year) and asks whether it
    spares applying or matters (早先已获此称号；本轮还得报么; 原先拿的是市一级示范，影响大不大)."""
    asked = REAPPLY.search(piece) or pattern("asks_whether_it_matters").search(piece)
    if not (asked and pattern("recognition").search(piece)):
        return False
    start, end = segment_bounds(piece, asked.start())
    return evidence.other_programme(piece[start:end]) is None  # 优势企业明年得复评吗: that programme's own


def continues_programme(piece: str) -> bool:
    """Whether a piece names this programme itself (a project type or its own words, or a stage only its timetable
    has: 验收不通过咋整, 创建期多长) rather than going on about what the piece before it asked."""
    return bool(mentioned_types(piece) or pattern("this_programme").search(piece)
                or pattern("this_round").search(piece)
                or any(set(topic.follows) & set(STEPS[2:]) for topic in matching_topics(piece))
                or set(when_events(piece, True)) & set(STEPS[3:]))  # creating and accepting: the programme's own


def asked_entity(piece: str) -> str | None:
    """The words a who-question asks about ("评审专家都有谁" → 评审专家), if any."""
    match = WHO_IS.search(piece)
    return match.group(1) if match else None


def names_entity(entity: str, clause: Clause) -> bool:
    """The clause names the entity: its last word (专家, 对接人), or the notice's word for it (联系人)."""
    return any(evidence.covered(entity[-n:], clause.heading + clause.text) for n in (3, 2))


def about_this_applicant(piece: str, names_someone: bool, described: bool, holds_title: bool) -> bool:
    """A piece asking what the asker may apply for: "能报示范县吗", "那示范县呢", "那以总部的名义申报呢" (a
    follow-up naming a type or another applicant), "我们已是示范企业，还要报吗" (a title held and applying asked
    about), or, once the applicant is described, a piece that asks nothing else. "哪些单位可以申报示范县" asks who
    may apply in general: not about the asker."""
    if pattern("when").search(piece) or WHO_MAY.search(piece) or pattern("about_the_place").search(piece) \
            or pattern("asks_prediction").search(piece) \
            or any(m.group() != "新一届" for m in pattern("event_next_round").finditer(piece)):  # 那后年再申报呢: when
        return False  # the next chance is (新一届 may be this one); 浙江示范县能推几个: how many a place may recommend;
        # 报哪类胜算大些: a prediction
    spans = segments(piece)
    asking = [piece[spans[n - 1][0] if n and YES_OR_NO.fullmatch(piece, a, b) else a:b]  # 打算冲示范县，你看行吗:
              for n, (a, b) in enumerate(spans) if asks(piece[a:b])] or [piece]  # asked of the clause before
    elsewhere = evidence.other_programme(piece) is not None and not mentioned_types(piece)  # 另一示范项目怎样
    # 申请，单位拟一并尝试: the wish is for the programme the piece names
    if (not elsewhere and any(applies_to_this_programme(clause) for clause in asking)) or (
            pattern("follow_up").search(piece) and names_someone and not matching_topics(piece)):
        return True  # asked in a clause that asks, not in a statement ("有人说能保证申报通过，…"); a follow-up
        # asking a topic of its own (要是…，示范县的称号会被取消吗) is that topic
    if holds_title and (REAPPLY.search(piece) or (evidence.other_programme(piece) is not None and any(
            t.name == "recognized" for t in matching_topics(piece)))):
        return True  # 我们已是示范企业，还要报吗 (not 申报要不要花钱: what applying costs); 评上过优势企业，算不算
        # 此前已认定: whether the title held counts (its verdict says so)
    asks_of_verdict = pattern("asks_whether_it_matters").search(piece) or pattern("asks_basis").search(piece)
    if described and asks_of_verdict and not matching_topics(piece):
        return True  # 某某科技城管委会，级别说不清，这个有没有影响: whether what was told changes its verdict;
        # 为什么不行，依据是哪条: its reason and clause
    return described and not evidence.topic_words(piece) and not matching_topics(piece)


YES_OR_NO = re.compile(r"\s*(?:您看|你看|请问)?(?:行吗|行不行|可以吗|可不可以|能行吗|成吗|有戏吗|行不|可以不)[？?]?\s*")


def applies_to_this_programme(clause: str) -> bool:
    """The clause asks or says the asker may or wants to apply, and not for another programme it names without
    naming a type of this one (想申请地理标志认定, 优势企业几月受理), nor one the rest of it names."""
    if evidence.other_programme(clause) and not mentioned_types(clause):
        return False
    return any(evidence.other_programme(clause[found.end():]) is None
               for found in pattern("asks_eligibility").finditer(clause))


def decide_piece(piece: str, *, about_programme: bool, names_type: bool, described: bool, holds_title: bool,
                 search: Callable[[str], list[Hit]], corpus: Sequence[Clause]) -> list[Part]:
    """The part(s) one piece asks for, by ``PRECEDENCE`` (eligibility is decided for the whole turn). A topic
    whose own wording holds the time words ("公示要几天") is more specific than the "when" they suggest."""
    if pattern("asks_prediction").search(piece):  # 评上的概率大不大: no notice says how it will turn out
        return [Part(Intent.out_of_scope, piece, slot=PREDICTION)]
    found = when_events(piece, about_programme)
    if found and any(topic.name in RULE_TOPICS for topic in asked_topics(piece)):
        found = []  # 有人说给钱就能疏通关系帮忙补报: what the offer costs, not whether (or when) it is time
    timed = timed_topics(piece) if found else []
    hits = search(piece) if timed or not found else []
    if found:
        topic = chosen_topic(piece, hits, timed) if timed else None
        if topic is None:
            parts = [Part(Intent.when, piece, slot=event) for event in found]
            held = [t for t in asked_topics(piece) if t.name == "recognized"] \
                if holds_title and "next_round" in found else []
            beside = held or asked_apart_from_when(piece)
            if beside and (topic := chosen_topic(piece, hits := search(piece), beside)):  # 已认定了，下一届还用报
                parts.append(Part(Intent.topic, piece, slot=topic.name, topic=topic, hits=tuple(hits)))  # 吗: when
                # the next round starts, and that a title stays valid; 验收啥时候，谁来验: when, and who
            return parts
        return [Part(Intent.topic, piece, slot=topic.name, topic=topic, hits=tuple(hits))]
    programme = evidence.other_programme(piece)
    earlier = evidence.earlier_round(piece)
    if earlier and hits and evidence.answered(piece, [h.clause for h in hits[:3]]):
        return [Part(Intent.factual, piece, hits=tuple(best_covering(piece, hits)))]  # a loaded document of that
        # round answers, whatever other programme it also ran (an earlier year's notice for two programmes at once)
    if (programme or earlier) and spares_applying(piece):  # 评上过优势企业；本轮还得报么: what stays valid
        recognized = next(t for t in load_topics() if t.name == "recognized")
        return [Part(Intent.topic, piece, slot=recognized.name, topic=recognized, hits=tuple(hits))]
    topic = chosen_topic(piece, hits)
    if programme is not None and not (topic and topic.annex):  # 指标里高企占比算几分: the annex's content
        if names_type and pattern("asks_requirement").search(piece):  # 报示范高校得先有省级称号吗: whether the
            return [Part(Intent.factual, piece, slot="not_stated", hits=tuple(hits))]  # other title is required
        return [Part(Intent.out_of_scope, piece, slot=programme.note, hits=tuple(hits))]
    entity = asked_entity(piece)
    if entity and not any(names_entity(entity, hit.clause) for hit in hits[:3]):
        return [Part(Intent.out_of_scope, piece, hits=tuple(hits))]  # "评审专家都有谁": the notice names no one
    if topic:
        return [Part(Intent.topic, piece, slot=topic.name, topic=topic, hits=tuple(hits))]
    if term := used_term(piece, [hit.clause for hit in hits]):
        return [Part(Intent.definition, piece, slot=term[0], hits=(next(h for h in hits if h.clause is term[1]),))]
    if earlier:  # answered only by a loaded document of that round
        return [Part(Intent.out_of_scope, piece, slot=earlier.note, hits=tuple(hits))]
    clauses = [h.clause for h in hits[:3]]
    if len(named := mentioned_types(piece)) > 1 and COMPARED.search(piece) \
            and len(compared := applicants_of(named, hits)) > 1:
        return compared  # 示范园区和服务业集聚区有什么区别: who may apply for each, as the notice tells them apart
    only_names = names_type and evidence.coverage(piece, clauses) is None  # "哪些单位可以申报示范县"
    if hits and (evidence.answered(piece, clauses) or only_names or evidence.singled_out(piece, clauses[0], corpus)):
        return [Part(Intent.factual, piece, hits=tuple(best_covering(piece, hits)))]
    requirement = about_programme and pattern("asks_requirement").search(piece)
    asks_the_notice = pattern("the_notice").search(piece) or requirement
    if hits and asks_the_notice:  # 通知里有没有…, 是不是必须先…: what it does not say, it does not require
        return [Part(Intent.factual, piece, slot="not_stated", hits=tuple(hits))]
    applying_named = re.search(alternation("apply"), piece) and (described or any(
        kinds.MARKER.search(word) for word in evidence.topic_words(piece)))
    if hits and names_type and (applying_named or SORTED_INTO.search(piece)):
        return [Part(Intent.factual, piece, hits=tuple(applicants_first(piece, hits)))]  # 中外合营企业报示范企业有何
        # 注意事项; 几个区县各归哪类: who may apply for each
    return [Part(Intent.out_of_scope, piece, hits=tuple(hits))]


COMPARED = re.compile(r"区别|不同|不一样|差别|差异|异同|有何分别|有什么两样")


def applicants_of(keys: list[str], hits: list[Hit]) -> list[Part]:
    """For each project type, the retrieved clause saying who may apply for it, as a part of its own."""
    by_clause = {hit.clause.id: hit for hit in hits}
    types = project_types()
    return [Part(Intent.factual, f"{types[key].name}的申报单位", hits=(by_clause[clause],))
            for key in keys if (clause := types[key].applicants.clause) in by_clause]


def applicants_first(piece: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with the clauses saying who may apply for the types the piece names first: no topic or clause
    covers the question, and applying for a named type is what the notice answers by who may apply."""
    wanted = {project_types()[key].applicants.clause for key in mentioned_types(piece)}
    return sorted(hits, key=lambda hit: hit.clause.id not in wanted)


def asked_topics(piece: str) -> list[Topic]:
    """The topics the piece names where it asks: not in a clause that only sets the scene — a condition
    ("名额有限的话，是不是要宁缺毋滥" asks about 宁缺毋滥) or a statement before the question ("中介打电话说…，申报
    到底要不要交钱" asks about fees, not contacts) — unless the question names none ("假如数据不实，查实后怎么处理" asks
    what falsifying costs). A lone clause is what is asked."""
    bounds = segments(piece)
    conditions = [(a, b) for a, b in bounds if CONDITION.search(piece[a:b])]
    statements = [(a, b) for a, b in bounds if not asks(piece[a:b]) and (a, b) not in conditions]
    foreground = [(a, b) for a, b in bounds if (a, b) not in conditions and (a, b) not in statements]
    topics = matching_topics(piece)
    refers_back = any(ANAPHOR.match(piece, a) for a, _ in foreground)  # "…，这合理吗": the scene is the topic
    if refers_back or not any(evidence.topic_words(piece[a:b]) for a, b in foreground):
        return topics

    def within(spans: list[tuple[int, int]], topic: Topic) -> bool:
        return any(a <= m.start() < b for a, b in spans for m in topic.pattern.finditer(piece))

    asked = [topic for topic in topics if within(foreground, topic)]
    # the scene, when the question names no topic; a condition last (假如数据不实，查实后怎么处理)
    return asked or [topic for topic in topics if within(statements, topic)] \
        or [topic for topic in topics if within(conditions, topic)]


def used_term(piece: str, clauses: list[Clause]) -> tuple[str, Clause] | None:
    """For "X是什么意思": the longest tail of X that a clause uses, and that clause."""
    match = DEFINITION.search(piece)
    if not match:
        return None
    run = match.group("run").strip("“”")
    for start in range(len(run) - 1):
        term = run[start:]
        if clause := next((c for c in clauses if term in c.text), None):
            return term, clause
    return None


def asked_apart_from_when(piece: str) -> list[Topic]:
    """Topics a clause of the piece that asks nothing of time asks in its own words (验收啥时候，谁来验: who)."""
    clauses = [clause for clause in CLAUSE_BREAK.split(piece) if clause and not pattern("when").search(clause)
               and asks(clause)]
    return [topic for topic in matching_topics(piece) if topic.name != "recognized"  # only of a title held
            and any(topic.pattern.search(clause) for clause in clauses)]


def timed_topics(piece: str) -> list[Topic]:
    """Topics that need a clause's time words to match it ("公示要几天": how long the 公示 lasts; "牌子的有效期多长，
    会收回吗" as well), so they are more specific than the "when" those words suggest."""
    clauses = [(clause, pattern("when").sub("", clause)) for clause in CLAUSE_BREAK.split(piece)]
    return [topic for topic in matching_topics(piece)
            if any(topic.pattern.search(clause) and not topic.pattern.search(untimed) for clause, untimed in clauses)]


def dedupe(parts: list[Part]) -> list[Part]:
    """One part per (intent, slot): two pieces asking the same thing get one answer, asked in the words of both
    (几份？寄到哪？: each detail is looked for)."""
    kept: dict[tuple[Intent, str], Part] = {}
    for part in parts:
        key = (part.intent, part.slot if part.intent not in (Intent.factual, Intent.definition) else part.text)
        kept[key] = replace(kept[key], text=f"{kept[key].text}，{part.text}") if key in kept else part
    return list(kept.values())
