"""The results framework: objectives, review rounds, judgements and contribution claims.

Records are typed (`records`), kept as immutable versions behind a narrow interface
(`repository.FrameworkRepository`; DuckDB in `indicators.store.workspace`), and
changed only through the four-eyes rules of `workflow.Framework`.
"""

from indicators.errors import VersionConflict
from indicators.framework.records import (
    ContributionClaim,
    EvidenceRef,
    EvidenceTest,
    IndicatorLink,
    Judgement,
    Objective,
    ObservedChange,
    ReviewRound,
    Rival,
)
from indicators.framework.repository import FrameworkRepository, StoredVersion
from indicators.framework.workflow import Entry, Framework, judgement_id, may_draft

__all__ = [
    "ContributionClaim",
    "Entry",
    "EvidenceRef",
    "EvidenceTest",
    "Framework",
    "FrameworkRepository",
    "IndicatorLink",
    "Judgement",
    "ObservedChange",
    "Objective",
    "ReviewRound",
    "Rival",
    "StoredVersion",
    "VersionConflict",
    "judgement_id",
    "may_draft",
]
