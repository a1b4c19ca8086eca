"""The database tables, as SQLAlchemy 2.0 typed models; every row belongs to one workspace.

Each feature keeps its tables in a module of this package; importing the package loads them
all, which Alembic and the tests rely on.
"""

from storage.models.base import Base
from storage.models.core import Learning, PostedPrompt, ProcessedEvent, Schedule, Workspace
from storage.models.home import (
    CheckinAnswer,
    CheckinRound,
    CheckinSetting,
    DigestRun,
    DigestSetting,
    LearningReuse,
)
from storage.models.installations import SLACK_BOTS, SLACK_INSTALLATIONS, SLACK_OAUTH_STATES
from storage.models.onboarding import (
    Departure,
    Handover,
    Newcomer,
    OnboardingNudge,
    OnboardingResource,
    OnboardingSettings,
    ResourceDone,
)
from storage.models.retro import (
    Retro,
    RetroAction,
    RetroEvidence,
    RetroFollowup,
    RetroItem,
    RetroLearning,
    RetroVote,
)

__all__ = [
    "SLACK_BOTS",
    "SLACK_INSTALLATIONS",
    "SLACK_OAUTH_STATES",
    "Base",
    "CheckinAnswer",
    "CheckinRound",
    "CheckinSetting",
    "Departure",
    "DigestRun",
    "DigestSetting",
    "Handover",
    "Learning",
    "LearningReuse",
    "Newcomer",
    "OnboardingNudge",
    "OnboardingResource",
    "OnboardingSettings",
    "PostedPrompt",
    "ProcessedEvent",
    "ResourceDone",
    "Retro",
    "RetroAction",
    "RetroEvidence",
    "RetroFollowup",
    "RetroItem",
    "RetroLearning",
    "RetroVote",
    "Schedule",
    "Workspace",
]
