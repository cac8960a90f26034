"""Deterministic pre-screening for the seven project types of 国知发运字〔2025〕28号.

Rules as code: parameters are data (``parameters/*.yaml``, each value tied to a clause), each rule
is one small function naming the clause it implements, verdicts cite the notice verbatim. No
language model and no heavy library is imported on this path.
"""

from assistant.rules.eligibility import evaluate
from assistant.rules.engine import CheckResult, GeneralFact, check, general_facts
from assistant.rules.extract import extract_profile, mentioned_types
from assistant.rules.params import PROJECT_KEYS, ProjectKey, ProjectType, project_types
from assistant.rules.profile import Place, PlaceCategory, Profile
from assistant.rules.timeline import Deadline, Period, Timeline, timeline
from assistant.rules.verdict import STATUS, STATUS_ORDER, Status, Verdict

PROJECT_TYPES: dict[ProjectKey, ProjectType] = project_types()

__all__ = [
    "PROJECT_KEYS",
    "PROJECT_TYPES",
    "STATUS",
    "STATUS_ORDER",
    "CheckResult",
    "Deadline",
    "GeneralFact",
    "Period",
    "Place",
    "PlaceCategory",
    "Profile",
    "ProjectKey",
    "ProjectType",
    "Status",
    "Timeline",
    "Verdict",
    "check",
    "evaluate",
    "extract_profile",
    "general_facts",
    "mentioned_types",
    "timeline",
]
