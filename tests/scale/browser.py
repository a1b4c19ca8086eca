"""A browser for the install flow: GETs that keep cookies and never follow redirects."""

from __future__ import annotations

import http.client
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit


@dataclass
class Page:
    """One answer: status, headers (lower-case names) and the body as text."""

    status: int
    headers: dict[str, str]
    text: str


@dataclass
class Browser:
    """Remembers the cookies a site set, as a person's browser would."""

    cookies: dict[str, str] = field(default_factory=dict)

    def get(self, url: str, *, accept_language: str = "en-GB,en;q=0.8") -> Page:
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        headers = {"Accept-Language": accept_language}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            for value in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie(value)
                for name, morsel in cookie.items():
                    self.cookies[name] = morsel.value
            return Page(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
        finally:
            connection.close()


def state_of(location: str) -> str:
    """The state parameter of Slack's authorize URL."""
    return parse_qs(urlsplit(location).query)["state"][0]
