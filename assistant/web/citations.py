"""Answers and their sources as HTML: text shown as text, citations as buttons, the source viewer.

Everything that came from a user, a document or a model goes through ``inert``: Markdown and HTML in it
are shown as typed, so no image or link in it makes the browser fetch anything.
"""

from __future__ import annotations

import html
import re

import gradio as gr

from assistant.answering import Answer, compose
from assistant.answering.guard import CITED_ID
from assistant.corpus.library import Library
from assistant.corpus.model import Citation, Clause

MARKUP = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation mark: Markdown, HTML, URLs, e-mail, LaTeX
VIEWER_HINT = ('<p class="hint">点击回答下方的条款名称（如《通知》二、（二）），可在这里查看原文及其上下文，'
               "引用的原文会以高亮标出。</p>")
FORM_CLAUSES = {"notice#annex.1"}  # the clause naming the 申报书 form: answers citing it point to the drafting tab
TABS = {"drafting": "申报书起草", "eligibility": "申报预审"}
TAB_PROMPTS = {"申报书起草": "去“申报书起草”页签填写单位情况、生成申报书草稿",
               "申报预审": "去“申报预审”页签，逐项查看七类项目能否申报"}


def inert(text: str) -> str:
    """``text`` as HTML that shows exactly what was typed: every markup character as an entity, lines kept."""
    escaped = MARKUP.sub(lambda m: f"&#{ord(m.group(0))};", text)
    return escaped.replace("\n", "<br>")


def attribute(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def chip(citation: Citation) -> str:
    """A citation as a button: its label (《通知》二、（二）); the quote as its tooltip; the id only as its value."""
    return (f'<button type="button" class="cite-chip" value="{attribute(citation.id)}" '
            f'title="{attribute(citation.quote)}">{html.escape(citation.label)}</button>')


def citation_row(citations: list[Citation]) -> str:
    chips = "".join(chip(c) for c in {(c.id, c.quote): c for c in citations}.values())
    return f'<div class="cite-row" role="group"><span class="cite-lead">依据（点击查看原文）：</span>{chips}</div>'


def answer_body(answer: Answer, library: Library) -> str:
    """The answer's text without the 依据 lines the chat shows as buttons; ids a model wrote become labels."""
    body = answer.answer.removesuffix(compose.render("", answer.citations))

    def label(match: re.Match[str]) -> str:
        clause = library.clause(match.group(1))
        return f"（{library.label(clause)}）" if clause else ""

    return CITED_ID.sub(label, body).strip()


def helpful_tab(answer: Answer) -> str | None:
    """The tab that does what the question asks for, when chat is not the best place for it."""
    if answer.route == "drafting" or FORM_CLAUSES & {c.id for c in answer.citations}:
        return TABS["drafting"]
    return TABS.get(answer.route)


def answer_html(answer: Answer, library: Library) -> str:
    parts = [f'<div class="answer-text">{inert(answer_body(answer, library))}</div>']
    if answer.citations:
        parts.append(citation_row(answer.citations))
    if tab := helpful_tab(answer):
        parts.append(f'<button type="button" class="goto-tab" value="{tab}">{TAB_PROMPTS[tab]}</button>')
    return "".join(parts)


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text``, ignoring whitespace on both sides (extraction breaks lines anywhere)."""
    kept = [i for i, char in enumerate(text) if not char.isspace()]
    squeezed = "".join(text[i] for i in kept)
    needle = "".join(quote.split())
    at = squeezed.find(needle) if needle else -1
    return None if at < 0 else (kept[at], kept[at + len(needle) - 1] + 1)


def neighbours(library: Library, clause: Clause) -> tuple[Clause | None, Clause | None]:
    clauses = library.document(clause.doc).clauses
    at = next(i for i, c in enumerate(clauses) if c.id == clause.id)
    return (clauses[at - 1] if at > 0 else None), (clauses[at + 1] if at + 1 < len(clauses) else None)


def clause_view(library: Library, clause_id: str, quote: str = "") -> str:
    """The clause in context: where it sits, the clause before and after, the quoted words highlighted."""
    clause = library.clause(clause_id)
    if clause is None:
        return '<p class="hint">找不到这条原文，可能所在文件已被移除。</p>'
    span = locate(clause.text, quote)
    text = clause.text
    body = (inert(text[:span[0]]) + f"<mark>{inert(text[span[0]:span[1]])}</mark>" + inert(text[span[1]:])
            if span else inert(text))
    before, after = neighbours(library, clause)
    document = library.document(clause.doc).info
    where = " › ".join(part for part in (document.title, clause.heading) if part)
    return "".join([
        '<div class="viewer-head">',
        f'<h2 tabindex="-1">{html.escape(library.label(clause, titled=True))}</h2>',
        '<button type="button" class="close-viewer">关闭</button></div>',
        f'<p class="where">{inert(where)}</p>',
        f'<p class="context">{inert(before.text)}</p>' if before else "",
        f'<div class="clause">{body}</div>',
        f'<p class="context">{inert(after.text)}</p>' if after else "",
    ])


VIEWER_JS = """
element.setAttribute('aria-live', 'polite');
element.setAttribute('aria-label', '原文');
const viewer = () => document.getElementById('viewer');
const narrow = () => window.matchMedia('(max-width: 640px)').matches;
document.addEventListener('click', (event) => {
  const close = event.target.closest('.close-viewer');
  if (close) { viewer()?.classList.remove('open'); return; }
  const chip = event.target.closest('.cite-chip');
  if (!chip) return;
  server.open_clause([chip.value, chip.title]).then((html) => {
    props.value = html;
    viewer()?.classList.add('open');
    setTimeout(() => {
      const target = narrow() ? viewer()?.querySelector('.close-viewer') : null;
      target?.focus();
      viewer()?.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
    }, 50);
  });
});
"""


def viewer(library: Library) -> gr.HTML:
    """The source viewer; the page's citation buttons call its ``open_clause`` with ``[clause id, quote]``."""

    def open_clause(request: list[str]) -> str:
        clause_id, quote = [*(request if isinstance(request, list) else []), "", ""][:2]
        return clause_view(library, str(clause_id), str(quote))

    return gr.HTML(VIEWER_HINT, elem_id="viewer", js_on_load=VIEWER_JS, server_functions=[open_clause])
