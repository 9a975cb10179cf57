"""http(s) inputs: download one document, politely and within limits.

A news page is at most a few megabytes; anything bigger or slower is a wrong
link or a hostile server, and fails with a one-line reason instead of hanging.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from sayso.errors import IngestError

USER_AGENT = "sayso/0.1"
TIMEOUT = 20.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5

_BINARY_OK = ("application/warc", "application/gzip", "application/x-gzip", "application/octet-stream")


@dataclass
class Download:
    url: str  # after redirects
    body: bytes


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Download:
    """GET ``url``; raise IngestError(url, reason) for every way that can fail."""
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=timeout,
            headers={"User-Agent": USER_AGENT},
        ) as client, client.stream("GET", url) as response:
            _check(url, response, max_bytes)
            return Download(str(response.url), _read_body(url, response, timeout, max_bytes))
    except httpx.TimeoutException:
        raise IngestError(url, _timed_out(timeout)) from None
    except httpx.TooManyRedirects:
        raise IngestError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise IngestError(url, f"invalid URL ({exc})") from None
    except httpx.ConnectError as exc:
        raise IngestError(url, f"could not connect ({exc})") from None
    except httpx.HTTPError as exc:
        raise IngestError(url, f"download failed ({exc or type(exc).__name__})") from None


def _check(url: str, response: httpx.Response, max_bytes: int) -> None:
    """Refuse a response by its status line and headers, before reading its body."""
    if response.status_code >= 400:
        raise IngestError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not (
        content_type.startswith("text/") or content_type.endswith("xml") or content_type in _BINARY_OK
    ):
        raise IngestError(url, f"unsupported content type {content_type}")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise IngestError(url, _too_large(max_bytes))


def _read_body(url: str, response: httpx.Response, timeout: float, max_bytes: int) -> bytes:
    """Stream the body, stopping past ``max_bytes`` or when the whole download exceeds ``timeout``."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(url, _too_large(max_bytes))
        if time.monotonic() > deadline:
            raise IngestError(url, _timed_out(timeout))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    return f"response larger than {max_bytes:,} bytes"


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"
