"""Serve: the REST API and the web pages over a store (``sayso serve``).

    >>> from sayso.serve import create_app
    >>> app = create_app("sayso.db", token="…")   # an ASGI app: uvicorn.run(app)
"""

from .app import create_app

__all__ = ["create_app"]
