"""sayso — who says so? Attributed claims from news articles."""

__version__ = "0.1.0"
