"""Analyze: one article in, its claims out (a pure function of the article)."""

from .pipeline import analyze_article, analyze_articles

__all__ = ["analyze_article", "analyze_articles"]
