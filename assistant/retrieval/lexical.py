"""Chinese lexical retrieval: BM25 over jieba words (domain dictionary, stop words), character
bigrams and pinyin bigrams, so typos, homophone slips and unseen words still match."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

import jieba

from assistant.corpus.model import Clause
from assistant.language.lexicon import with_notice_words
from assistant.language.pinyin import syllables
from assistant.retrieval.base import Hit
from assistant.retrieval.cache import read_pickle, write_pickle
from assistant.retrieval.vocabulary import DOMAIN_WORDS, KIND_WORDS, STOP_WORDS
from assistant.settings import get_settings

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")

jieba.setLogLevel(60)


@lru_cache(maxsize=4096)
def pinyin(text: str) -> str:
    """Toneless pinyin of each CJK run, syllables space-separated, runs separated by `` | ``."""
    return " | ".join(" ".join(syllables(run)) for run in CJK_RUN.findall(text))


def sounds_in(phrase: str, text_pinyin: str) -> bool:
    """True when ``phrase`` is pronounced somewhere in the text (catches homophone typos)."""
    return f" {pinyin(phrase)} " in f" {text_pinyin} "




def bigrams(runs: list[list[str]], prefix: str) -> list[str]:
    return [f"{prefix}{run[i]}{run[i + 1]}" for run in runs for i in range(len(run) - 1)]


def prefix_dictionary(cache_dir: Path | None) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary (frequencies of words and their prefixes, and their total), kept as a pickle under
    ``cache_dir``: it loads several times faster than jieba's own marshal cache."""
    cached = cache_dir / f"jieba-{version('jieba')}.pickle" if cache_dir else None
    if cached is not None and (found := read_pickle(cached)) is not None:
        return found
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    built = (tokenizer.FREQ, tokenizer.total)
    if cached is not None:
        write_pickle(cached, built)
    return built


class ChineseTokenizer:
    """Words from a private jieba tokenizer with the domain dictionary, plus character and pinyin bigrams."""

    def __init__(self, words: tuple[str, ...] = DOMAIN_WORDS, cache_dir: Path | None = None) -> None:
        self._jieba = jieba.Tokenizer()
        self._jieba.FREQ, self._jieba.total = prefix_dictionary(cache_dir)
        self._jieba.initialized = True
        for word in words:
            self._jieba.add_word(word, freq=100_000)

    def words(self, text: str) -> list[str]:
        """Meaningful words, in order, without stop words and punctuation."""
        return [w for w in self._jieba.lcut(text.lower()) if WORD.search(w) and w not in STOP_WORDS]

    def tokens(self, text: str) -> list[str]:
        """Words, ``~`` character bigrams and ``^`` pinyin bigrams (``^`` tokens join syllables with ``_``)."""
        runs = CJK_RUN.findall(text)
        sounds = [[f"{s}_" for s in syllables(run)] for run in runs]
        return self.words(text) + bigrams([list(r) for r in runs], "~") + bigrams(sounds, "^")


@cache
def domain_tokenizer() -> ChineseTokenizer:
    """One tokenizer per process, its dictionary kept in the settings' cache dir (see ``prefix_dictionary``)."""
    return ChineseTokenizer(cache_dir=get_settings().caches)


class BM25:
    """Okapi BM25 over pre-tokenised documents (Lucene idf, which is never negative)."""

    def __init__(self, corpus: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(corpus)
        lengths = [len(tokens) for tokens in corpus]
        average = sum(lengths) / self.size if self.size else 1.0
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, tokens in enumerate(corpus):
            norm = k1 * (1 - b + b * lengths[index] / average)
            for term, tf in Counter(tokens).items():
                self.postings[term].append((index, tf * (k1 + 1) / (tf + norm)))
        self.idf = {term: math.log(1 + (self.size - len(p) + 0.5) / (len(p) + 0.5))
                    for term, p in self.postings.items()}

    def scores(self, query: list[str]) -> list[float]:
        totals = [0.0] * self.size
        for term in query:
            for index, weight in self.postings.get(term, ()):
                totals[index] += self.idf[term] * weight
        return totals


def clause_text(clause: Clause) -> str:
    """What both retrievers index: heading path, what this kind of clause is, the clause text."""
    return "\n".join(part for part in (clause.heading, KIND_WORDS.get(clause.kind, ""), clause.text) if part)


class LexicalRetriever:
    """BM25 over the heading and text of every clause."""

    def __init__(self, clauses: list[Clause], tokenizer: ChineseTokenizer | None = None) -> None:
        self.clauses = clauses
        self.tokenizer = tokenizer or domain_tokenizer()
        self.index = BM25([self.tokenizer.tokens(clause_text(c)) for c in clauses])

    def scored(self, query: str, n: int) -> list[tuple[str, float]]:
        """The ``n`` best (clause id, BM25 score) pairs with a positive score."""
        scores = self.index.scores(self.tokenizer.tokens(with_notice_words(query)))
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])[:n]
        return [(self.clauses[i].id, scores[i]) for i in ranked if scores[i] > 0]

    def search(self, query: str, k: int = 5) -> list[Hit]:
        by_id = {c.id: c for c in self.clauses}
        return [Hit(clause=by_id[i], score=s) for i, s in self.scored(query, k)]
