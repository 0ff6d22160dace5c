"""The portal's content model (DESIGN §3), re-exported explicitly."""

from .columns import ColumnPage
from .consultations import ConsultationClosing, ConsultationComment, ConsultationNominee, ConsultationPage
from .contests import ContestEntry, ContestEntryPhoto, ContestPage, ContestScore
from .decisions import DecisionAwardee, DecisionPage
from .gallery import MovementGalleryImage, StoryGalleryImage
from .imports import ImportJob, UnfinishedImport
from .moderation import CouncilVote, CouncilVoteTask, OfficeReviewTask, UnitEditorGroup, VoteDecision
from .movements import MovementPage
from .plans import PlanAssignment, PlanPage, PlanReference
from .stories import ExemplarStoryPage, StoryAward, StoryTag
from .taxonomy import Award, Field, Locality, LocalityAlias, SubjectType
from .units import UnitPage

__all__ = [
    "Award",
    "ColumnPage",
    "ConsultationClosing",
    "ConsultationComment",
    "ConsultationNominee",
    "ConsultationPage",
    "ContestEntry",
    "ContestEntryPhoto",
    "ContestPage",
    "ContestScore",
    "CouncilVote",
    "CouncilVoteTask",
    "DecisionAwardee",
    "DecisionPage",
    "ExemplarStoryPage",
    "Field",
    "ImportJob",
    "UnfinishedImport",
    "Locality",
    "LocalityAlias",
    "MovementGalleryImage",
    "MovementPage",
    "OfficeReviewTask",
    "PlanAssignment",
    "PlanPage",
    "PlanReference",
    "StoryAward",
    "StoryGalleryImage",
    "StoryTag",
    "SubjectType",
    "UnitEditorGroup",
    "UnitPage",
    "VoteDecision",
]
