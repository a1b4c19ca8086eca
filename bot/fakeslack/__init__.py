"""A faithful in-process fake of Slack (Web API, response_urls, uploads, Socket Mode).

Used by the test suite and by `learnloop console`; it must never import pytest.
"""

from .fake import FakeSlack
from .requests import AppResponse, SlackRequester
from .store import Call

__all__ = ["AppResponse", "Call", "FakeSlack", "SlackRequester"]
