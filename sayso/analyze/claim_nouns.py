"""Nouns that report a claim and spell it out in a clause: "Trump's claim that …", "a Harbor
Ledger report that …", "his warning that the bridge would close".

The noun is the cue, its possessor (or the name compounded before it) the source, and the
"that" clause it governs the content. Only nouns of saying and stated belief count: "the fact
that …" or "the idea that …" report nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Span
from .spans import token_range_span

CLAIM_NOUNS = frozenset(
    """
    claim report assertion statement announcement warning suggestion allegation argument
    insistence promise pledge prediction admission contention belief charge accusation complaint
    remark comment declaration threat boast denial acknowledgment acknowledgement estimate
    finding conclusion suspicion assurance testimony confirmation explanation vow
    """.split()
)


@dataclass(frozen=True)
class ClaimNoun:
    cue: Token
    source: Token | None
    content: Span


def _source(noun: Token) -> Token | None:
    """"Trump's claim", "his warning", "a Ledger report": the possessor or the name before the noun."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    names = [c for c in noun.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "NORP"))]
    return names[-1] if names else None


def claim_nouns(doc: Doc) -> list[ClaimNoun]:
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            continue
        content = token_range_span(doc, list(clause.subtree))
        if content is not None:
            found.append(ClaimNoun(noun, _source(noun), content))
    return found
