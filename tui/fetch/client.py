"""Requests to EDGAR, polite by construction: the user's User-Agent on every request, each attempt
through the rate limiter, retries with exponential backoff on 429, 5xx and dropped connections (the
policy of a urllib3 `Retry`), and a block recognised — 403, a 429 that persists, or the HTML "Request
Rate Threshold Exceeded" page served with status 200 — which stops the run instead of hammering on."""

from __future__ import annotations

import re
import time
from typing import Callable

import requests
from urllib3.util.retry import Retry

from .limiter import TokenBucket

RETRY_STATUSES = (429, 500, 502, 503, 504)
BLOCK_WAIT_MINUTES = 10
_THRESHOLD = re.compile(rb"request\s+rate\s+threshold\s+exceeded", re.I)
_USER_AGENT = re.compile(r"^\S.*\s\S+@\S+\.\S+$")
TIMEOUT = (10, 60)  # seconds to connect, seconds between bytes


class Blocked(Exception):
    """EDGAR refused the client; the run stops. The message says why and how long to wait."""


class Failed(Exception):
    """One request failed after its retries; the message is the reason."""


def check_user_agent(user_agent: str | None) -> str | None:
    """Why a User-Agent will not do, or None when it has the 'Name email' form the SEC asks for."""
    if not user_agent or not user_agent.strip():
        return ("the SEC requires a User-Agent naming you and an email address: give --user-agent "
                "\"Name name@example.com\", COLT_TUI_USER_AGENT, or user_agent in config.toml")
    if not _USER_AGENT.match(user_agent.strip()):
        return f"the User-Agent must be \"Name email\" (e.g. \"Jane Doe jane@example.com\"), not {user_agent!r}"
    return None


def block_message(reason: str) -> str:
    return (f"EDGAR refused the requests ({reason}): it blocks clients that go over its rate limit or "
            f"send no proper User-Agent; wait {BLOCK_WAIT_MINUTES} minutes before fetching again")


class Client:
    """GETs from one EDGAR base URL."""

    def __init__(self, base_url: str, user_agent: str, limiter: TokenBucket, retries: int = 4,
                 backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self.limiter, self.sleep, self.backoff = limiter, sleep, backoff
        self.policy = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                            status_forcelist=RETRY_STATUSES, allowed_methods={"GET"},
                            respect_retry_after_header=True)
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": user_agent.strip(), "Accept-Encoding": "gzip, deflate"})
        self.requests = 0

    def url(self, path: str) -> str:
        """The URL of a path under the archive ('edgar/data/...' → BASE/Archives/edgar/data/...)."""
        return f"{self.base_url}/Archives/{path.lstrip('/')}"

    def get(self, path: str, sink=None) -> bytes:
        """The body at `path`; with a `sink` (`reset()`, `write(chunk)`) streamed to it instead, and b''.
        The sink is reset before every attempt, so a retried download never holds a partial one first.
        Raises Blocked or Failed."""
        retry = self.policy
        while True:
            if sink is not None:
                sink.reset()
            self.limiter.acquire()
            self.requests += 1
            try:
                response = self.session.get(self.url(path), stream=True, timeout=TIMEOUT)
            except requests.RequestException as error:
                retry = self._again(retry, error=error, reason=_reason(error))
                continue
            with response:
                status = response.status_code
                if status == 403:
                    raise Blocked(block_message("HTTP 403 Forbidden"))
                if status in RETRY_STATUSES:
                    retry = self._again(retry, response=response, reason=f"HTTP {status}")
                    continue
                if status != 200:
                    raise Failed(f"HTTP {status}")
                try:
                    body = self._body(response, sink)
                except requests.RequestException as error:
                    retry = self._again(retry, error=error, reason=_reason(error))
                    continue
                return body

    def _body(self, response, sink) -> bytes:
        """Read the body, refusing the rate-threshold page; with a sink, hand each chunk over."""
        chunks = response.iter_content(chunk_size=1 << 16)
        first = next(chunks, b"")
        if _THRESHOLD.search(first[:65536]) and b"<" in first[:512]:
            raise Blocked(block_message("its \"Request Rate Threshold Exceeded\" page"))
        if sink is None:
            return first + b"".join(chunks)
        sink.write(first)
        for chunk in chunks:
            sink.write(chunk)
        return b""

    def _again(self, retry: Retry, response=None, error=None, reason: str = "") -> Retry:
        """Count an attempt against the policy and wait its backoff; when the retries are spent, a 429
        is a block and anything else a failure."""
        try:
            retry = retry.increment(method="GET", url="", response=getattr(response, "raw", None), error=error)
        except Exception:  # noqa: BLE001 - urllib3's MaxRetryError (or the error itself): retries spent
            if response is not None and response.status_code == 429:
                raise Blocked(block_message("HTTP 429 Too Many Requests, after retries")) from None
            raise Failed(f"{reason} (after {self.policy.total} retries)") from None
        wait = retry.get_retry_after(response.raw) if response is not None and response.raw is not None else None
        # urllib3 retries the first time at once; a polite client waits from the first retry: 1, 2, 4, 8 s
        self.sleep(wait if wait is not None else (retry.get_backoff_time() or self.backoff))
        return retry


def _reason(error: Exception) -> str:
    """A short reason for a failed request."""
    if isinstance(error, requests.ConnectionError):
        return "connection failed"
    if isinstance(error, requests.Timeout):
        return "timed out"
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return "connection dropped mid-file"
    return type(error).__name__
