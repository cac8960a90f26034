"""Drafting: 申报书 section drafts for applicants and 公文-style reply drafts for staff.

Both are grounded and honest about what they do not know:

- ``draft_application(type_key, facts, section=None)`` fills the outline of a project type
  (``outline.yaml``; staff may replace it with ``<data_dir>/drafting/outline.yaml`` once they have the
  official form, 附件1) from the templates in ``prompts/drafts/``, the applicant's facts (a dict or a
  file read by ``load_facts``, schema in ``facts.py``) and verbatim quotes of the notice. Missing facts
  become 【待补充：…】 placeholders, listed at the end. ``ApplicationDraft.markdown()`` and ``to_docx()``
  (公文 layout, GB/T 9704) render it; ``fact_fields(type_key, settings)`` lists the form fields for a UI.
- ``draft_reply(inquiry)`` answers a pasted inquiry from the rules and the notice, with citations, the
  right contact and 【待核实：…】 items for what it could not determine; ``reply_docx()`` lays it out.
- ``check_provenance`` runs on every draft: no number, date or name may appear that is not in the
  input, the templates or the cited sources. An optional chat model may polish an application
  draft; the check decides whether the polish is kept.
"""

from assistant.drafting.application import draft_application, fact_fields
from assistant.drafting.facts import ApplicantFacts, load_facts
from assistant.drafting.model import ApplicationDraft, ReplyDraft, Sentence
from assistant.drafting.outline import Outline, load_outlines, outline_path
from assistant.drafting.provenance import check_provenance
from assistant.drafting.reply import draft_reply, reply_wording
from assistant.drafting.word import reply_docx, to_docx

__all__ = [
    "ApplicantFacts",
    "ApplicationDraft",
    "Outline",
    "ReplyDraft",
    "Sentence",
    "check_provenance",
    "draft_application",
    "draft_reply",
    "fact_fields",
    "load_facts",
    "load_outlines",
    "outline_path",
    "reply_docx",
    "reply_wording",
    "to_docx",
]
