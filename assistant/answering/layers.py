"""Which loaded documents may answer a piece of a question, and what a province's forwarding notice adds.

The national notice answers questions about the round. A province's notice joins in for its own province —
the one the piece names (湖南的申报书交到哪), else the applicant's — and then leads on what only it says:
where and how to submit, whom to ask, per-province limits, provincial priorities; the national answer follows.
Reference documents (earlier rounds, news) answer only questions about them; lists of recognised units only
the lookups of ``compose.listed_lead``. A province named in the piece whose notice is not loaded is said to be so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from assistant.answering.compose import combine
from assistant.answering.evidence import earlier_round, earlier_years
from assistant.answering.topics import Lead
from assistant.corpus.library import Library
from assistant.corpus.roles import LATER_NOTICE, amends_another
from assistant.language.dates import DAY
from assistant.language.lexicon import pattern, records
from assistant.language.normalize import bigrams
from assistant.rules import places
from assistant.rules.extract import mentioned_types
from assistant.rules.provincial import UNCHANGED, loaded_areas, provincial_notice, sentences

if TYPE_CHECKING:
    from assistant.corpus.model import Clause, Document
    from assistant.retrieval.base import Hit
    from assistant.rules.profile import Place

ASPECTS = ("channel", "contacts", "limits", "priorities")
POSTPONED = re.compile(r"延期|延后|推迟|顺延|往后(?:延|推|挪)|延长")  # 听说日子往后推了: a change spoken of
CHANGES_ASKED = re.compile(r"改了|变了|调整了|改动|变动|变化|变更了|哪些(?:变|改|调整)|什么(?:变|改|调整)|"
                           r"说了什么|讲了什么|(?:主要|具体)?内容|捋|梳理|归纳|总结")
PROGRAMME_WORDS = "知识产权强国建设示范创建申报国家通知省市县"  # words every sentence of such a notice shares
MIN_SHARED = 3  # content bigrams a sentence must share with the question to answer it
MAX_SENTENCES = 3
SHORT_LIST = 100  # characters of a line of items said as one


Area = tuple[str, str | None]  # a province and, when known, the city within it


@dataclass
class Layers:
    library: Library
    applicant: Place | None = None
    as_of: date | None = None  # notices issued later did not exist yet

    def areas_named(self, piece: str) -> list[Area]:
        """The provinces a piece names, directly (湖南) or through a place in it (杭州 → 浙江省, 杭州市), in order; of
        a name fitting several places (朝阳区), the one in a province whose notice is loaded."""
        loaded = {province for province, _ in loaded_areas(self.library)}
        found = [places.one_within(places.place_of_chain(piece, chain), loaded) for chain in places.chains(piece)]
        return list(dict.fromkeys((place.province, place.local) for place in found if place.province))

    def areas_for(self, piece: str) -> list[Area]:
        """The places a piece is about: those it names, else the applicant's, else those of every loaded notice (a
        question that says nowhere is asked where the office that loaded them serves; each notice is named)."""
        applicant = self.applicant
        return self.areas_named(piece) or ([(applicant.province, applicant.local)] if applicant and applicant.province
                                      else loaded_areas(self.library))

    def search_filter(self, piece: str) -> set[str]:
        """The documents whose clauses may answer ``piece`` on the national side: the notice and its annexes —
        or, for a piece about an earlier round or other news, the reference documents alone (provinces:
        ``provincial_lead``)."""
        references = {doc_id for doc_id, d in self.library.documents.items() if d.info.kind == "reference"}
        if earlier_round(piece) is not None or pattern("asks_reference").search(piece):
            return references
        return {doc_id for doc_id, d in self.library.documents.items() if d.info.kind in ("national_notice", "annex")}

    def keep(self, piece: str, hits: list[Hit]) -> list[Hit]:
        allowed = self.search_filter(piece)
        return [hit for hit in hits if hit.clause.doc in allowed]

    def provincial_lead(self, piece: str, closest: bool = True, types: Sequence[str] = ()) -> Lead | None:
        """What the notices of the provinces the piece is about say on what it asks: the aspects it asks about
        (where to submit, whom to ask, limits, priorities), or, for a province it names, the sentences closest
        to it (unless not ``closest``: dates come from the timeline); that a named province's notice is not
        loaded, when so. ``types``: the project types the whole question names, for a piece that names none
        (示范高校几号截止，找谁: the 示范高校 contact)."""
        if (summary := self.changes_lead(piece)) is not None:
            return summary
        aspects = [a for a in ASPECTS if pattern(f"provincial_{a}_asks").search(piece)]
        named = self.areas_named(piece) if aspects or closest else []
        asked = mentioned_types(piece) or list(types)
        areas = self.areas_for(piece) if aspects else named
        leads = [lead for area in areas if (lead := self.one_province(piece, area, aspects, area in named, asked))]
        if areas and not named and not self.applicant:  # said nowhere: the notice that answers best first
            leads.sort(key=lambda lead: -len(bigrams(piece) & bigrams("".join(quote for _, quote in lead.quotes))))
        kept = self.kept_lead(piece, asked)
        return combine([kept, *leads]) if kept else combine(leads) if leads else None

    def reference_lead(self, piece: str) -> Lead | None:
        """For a piece asking what an earlier round's document said (2022年那批几号截止，找谁) or what a news item
        reported (报道里那场会议哪天开的), the sentences of the loaded reference documents that say it, each document
        named; None when the piece asks of this round or of the asker's own case, or none of them says it."""
        earlier = bool(earlier_round(piece) and pattern("that_round").search(piece))
        if not earlier and not (pattern("news_item").search(piece) and pattern("asks_something").search(piece)
                                and not pattern("asker").search(piece)):  # 报道说…，对吗: the notices decide
            return None
        references = [d for d in self.library.documents.values() if d.info.kind == "reference"]
        if earlier:
            years = earlier_years(piece)
            references = [d for d in references if any(year in d.info.title for year in years)]
        else:  # the news, not a notice
            references = [d for d in references if "通知" not in d.info.title] or references
        clauses = [c for d in references for c in d.clauses if c.says_something]
        asked, about = mentioned_types(piece), pattern("news_item").sub("", piece)  # what it said, not where
        aspects = [a for a in ASPECTS if pattern(f"provincial_{a}_asks").search(piece)]
        if not earlier_round(piece) and (aspects or pattern("deadline").search(piece)) \
                and most_shared(about, clauses) <= most_shared(about, self.notice_clauses()):
            return None  # 新闻说材料报市局，市局找谁: what the notices arrange and say more of than the news
        chosen = [q for aspect in aspects for q in best_sentences(about, clauses, aspect, asked)[:2]]
        if pattern("when").search(piece):
            chosen += ranked_sentences(about, clauses, asked, DAY)[:1]
        if pattern("asks_actor").search(piece):  # 谁讲话: the official it names
            chosen += ranked_sentences(about, clauses, asked, pattern("official_title"))[:1]
        quotes = list(dict.fromkeys(chosen + closest_sentences(about, clauses, asked)[:1]))
        if not quotes:
            return None
        said = said_by_document(quotes, {d.info.id: d.info.label for d in references})
        return Lead(f"{said.sentence}以上是参考文件所载，不作为本届申报的依据。", said.quotes)

    def notice_clauses(self) -> list[Clause]:
        """The clauses of the loaded notices, national and provincial, that say something."""
        kinds = ("national_notice", "provincial_notice")
        notices = [d for d in self.library.documents.values() if d.info.kind in kinds]
        return [clause for d in notices for clause in d.clauses if clause.says_something]

    def kept_lead(self, piece: str, asked: Sequence[str]) -> Lead | None:
        """What a later notice the piece speaks of (补充通知是不是把日子推后了) says it leaves as it was for the types
        asked about (其余项目的时间不变)."""
        if not asked or not (LATER_NOTICE.search(piece) or POSTPONED.search(piece)):
            return None
        later = [d for d in self.notices_for(piece) if amends_another(d.info.title)]
        said = [(d.info.label, clause_id, sentence) for d in later for clause_id, sentence in left_as_it_was(d)
                if set(asked) & set(mentioned_types(sentence))]
        if not said:
            return None
        return Lead("".join(f"按{label}：{sentence.rstrip('。；')}。" for label, _, sentence in said),
                    [(clause_id, sentence) for _, clause_id, sentence in said])

    def notices_for(self, piece: str) -> list[Document]:
        """The loaded notices of the places the piece is about, each once, the leading one of each place first."""
        notices = [notice for province, city in self.areas_for(piece)
                   if (notice := provincial_notice(self.library, province, city, self.as_of))]
        return [self.library.documents[doc] for doc in dict.fromkeys(d for n in notices for d in n.docs)]

    def changes_lead(self, piece: str) -> Lead | None:
        """What a later notice the piece names by its kind (补充通知, 延期通知) says, when the piece asks what it
        changes: the first sentence of each of its sections, and what it leaves as it was."""
        kind = LATER_NOTICE.search(piece)
        if kind is None or not CHANGES_ASKED.search(piece):
            return None
        documents = [d for d in self.notices_for(piece) if kind.group() in d.info.label]
        quotes = [(clause.id, said[0]) for d in documents for clause in d.clauses
                  if clause.kind in ("section", "item") and (said := said_in(clause))]
        quotes = list(dict.fromkeys([*quotes, *(quote for d in documents for quote in left_as_it_was(d))]))
        if not quotes:
            return None
        by_notice = {d.info.label: [quote.rstrip("。；") for clause_id, quote in quotes
                                    if clause_id.startswith(f"{d.info.id}#")] for d in documents}
        return Lead("".join(f"按{label}：{'；'.join(said)}。" for label, said in by_notice.items() if said), quotes)

    def one_province(self, piece: str, area: Area, aspects: list[str], named: bool,
                     asked: Sequence[str]) -> Lead | None:
        province, city = area
        notice = provincial_notice(self.library, province, city, self.as_of)
        if notice is None:
            if not named or not aspects:
                return None
            return Lead(f"{province}的转发通知未载入，{province}的具体安排（报送方式、联系人、推荐限额等）"
                        f"以{province}的通知为准。", [], in_scope=False)
        docs = [doc for doc in notice.docs if of_the_office_asked(piece, doc in notice.cities)] \
            if aspects and set(aspects) <= OFFICES_OWN else []  # 省局联系人是谁: that office's contact, its priorities
        clauses = [c for doc in docs or notice.docs for c in self.library.documents[doc].clauses if c.says_something]
        chosen = [q for aspect in aspects for q in best_sentences(piece, clauses, aspect, asked)] \
            or closest_sentences(piece, clauses, asked)  # none says the aspect in its words: the closest answer
        quotes = [(clause_id, sentence) for clause_id, sentence in dict.fromkeys(chosen)
                  if notice.in_force(clause_id.split("#")[0], sentence)]
        if not quotes:
            return None
        return said_by_document(quotes, notice.labels)


def said_by_document(quotes: list[tuple[str, str]], labels: dict[str, str]) -> Lead:
    """The quoted sentences said document by document (按《…》：…；…。), the document of the first quote first."""
    ranked_docs = dict.fromkeys(clause_id.split("#")[0] for clause_id, _ in quotes)
    by_document = {doc: [quote for quote in quotes if quote[0].startswith(f"{doc}#")] for doc in ranked_docs}
    said = "".join(f"按{labels[doc]}：{'；'.join(s.rstrip('。；') for _, s in found)}。"
                   for doc, found in by_document.items())
    return Lead(said, [quote for found in by_document.values() for quote in found])


OFFICES_OWN = {"contacts", "priorities"}  # what each office's notice says of itself: whom to ask, what it favours
PROVINCE_OFFICE = re.compile(r"省局|省里|省知识产权局|省厅|省市场监管局|自治区局")  # 省局联系人是谁: the province's
CITY_OFFICE = re.compile(r"市局|市里|市知识产权局|市市场监管局|州局|州里")  # 市局找谁: the city bureau's


def of_the_office_asked(piece: str, city_notice: bool) -> bool:
    """A notice is of the office the piece asks about: a city bureau's when it names the city's office, the
    province's when it names the province's (both when it names neither or both)."""
    province, city = bool(PROVINCE_OFFICE.search(piece)), bool(CITY_OFFICE.search(piece))
    return province == city or (city if city_notice else province)


def left_as_it_was(document: Document) -> list[tuple[str, str]]:
    """The sentences in which a notice says what it leaves as it was (…时间不变，照原通知办), by clause."""
    return [(clause.id, sentence) for clause in document.clauses if clause.says_something
            for sentence in sentences(clause.text) if UNCHANGED.search(sentence)]


def said_in(clause: Clause) -> list[str]:
    """The sentences of a clause, without the heading line it opens with (五、联系人); a short line listing items
    after one lead-in (重点支持以下方向：…；…。) is one: its items are said together."""
    own_heading = clause.heading.rsplit("›", 1)[-1].strip()
    lines = clause.text.splitlines()
    return [sentence for line in lines
            for sentence in ([line.strip()] if len(line.strip()) <= SHORT_LIST and "；" in line else sentences(line))
            if sentence.strip() and (sentence.strip() != own_heading or len(lines) == 1)]  # a heading that says it all


def most_shared(piece: str, clauses: list[Clause]) -> int:
    """The most content bigrams (the programme's own words aside) one sentence of the clauses shares with the piece."""
    asked = bigrams(piece) - bigrams(PROGRAMME_WORDS)
    return max((len(asked & bigrams(sentence)) for clause in clauses for sentence in said_in(clause)), default=0)


def closest_sentences(piece: str, clauses: list[Clause], asked_types: Sequence[str]) -> list[tuple[str, str]]:
    """The sentences sharing most content with the piece (the province's name and the programme's own words
    aside), when they share enough to be about it."""
    asked = bigrams(piece) - bigrams(PROGRAMME_WORDS)
    scored = [(len(asked & bigrams(sentence)), clause.id, sentence.strip())
              for clause in clauses for sentence in said_in(clause)
              if len(sentence) > 4 and of_types_asked(asked_types, sentence)]
    best = sorted((s for s in scored if s[0] >= MIN_SHARED), key=lambda s: (restated(s[2]), -s[0]))
    return [(clause_id, sentence) for _, clause_id, sentence in best[:MAX_SENTENCES - 1]]


def best_sentences(piece: str, clauses: list[Clause], aspect: str, asked_types: Sequence[str]
                   ) -> list[tuple[str, str]]:
    """The sentences of a provincial notice that say ``aspect``: first the one answering each detail the piece asks
    (``provincial_details``: 几份 → 一式2份) and the best about each of the types it names, then those sharing most
    words with the piece; none about only other types than it names."""
    says = pattern(f"provincial_{aspect}_says")
    found = [(clause.id, sentence) for clause in clauses for sentence in said_in(clause)
             if says.search(sentence) and len(sentence.strip()) > 4 and of_types_asked(asked_types, sentence)]
    asked = bigrams(piece)
    ranked = sorted(found, key=lambda pair: (restated(pair[1]), -len(asked & bigrams(pair[1]))))
    details = [next(pair for pair in ranked if re.search(detail["says"], pair[1]))
               for detail in records("provincial_details")
               if re.search(detail["asks"], piece) and any(re.search(detail["says"], pair[1]) for pair in ranked)]
    if len(asked_types) > 1:  # 示范企业限几家，示范县呢: each type its own
        details += [pair for key in asked_types
                    if (pair := next((p for p in ranked if key in mentioned_types(p[1])), None))]
    details = list(dict.fromkeys(details))
    return list(dict.fromkeys([*details, *ranked]))[:max(MAX_SENTENCES, len(details))]


def ranked_sentences(piece: str, clauses: list[Clause], asked_types: Sequence[str], says: re.Pattern[str]
                     ) -> list[tuple[str, str]]:
    """The sentences that ``says`` finds in (a day: 9月30日前报送), those sharing most words with the piece first."""
    asked = bigrams(piece)
    found = [(clause.id, sentence.strip()) for clause in clauses for sentence in said_in(clause)
             if says.search(sentence) and of_types_asked(asked_types, sentence)]
    return sorted(found, key=lambda pair: -len(asked & bigrams(pair[1])))


def of_types_asked(asked_types: Sequence[str], sentence: str) -> bool:
    """The sentence names a project type asked about, or none (a 示范企业 contact for a 示范高校 question is no
    answer)."""
    named, asked = set(mentioned_types(sentence)), set(asked_types)
    return not (named and asked) or bool(named & asked)


def restated(sentence: str) -> bool:
    """The sentence restates what stays as it was (…的时间（2025年9月30日前）不变): it answers after the one it
    restates."""
    return bool(UNCHANGED.search(sentence))
