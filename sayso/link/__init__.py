"""Link: claims across articles — entity aliases, propositions, independence, verdicts."""

from .incremental import ALIAS_ACTIONS, LinkSummary, decide_alias, link_store

__all__ = ["ALIAS_ACTIONS", "LinkSummary", "decide_alias", "link_store"]
