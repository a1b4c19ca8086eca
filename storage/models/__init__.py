"""The database tables, as SQLAlchemy 2.0 typed models; every row belongs to one workspace.

Each feature keeps its tables in a module of this package; importing the package loads them
all, which Alembic and the tests rely on.
"""

from storage.models.base import Base
from storage.models.core import Learning, PostedPrompt, ProcessedEvent, Schedule, Workspace

__all__ = ["Base", "Learning", "PostedPrompt", "ProcessedEvent", "Schedule", "Workspace"]
