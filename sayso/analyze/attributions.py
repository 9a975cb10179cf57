"""Join quotes, cues and "according to" phrases into attributions.

Each quote looks for its cue: one whose complement runs into it, one with no complement of
its own right after it (even in the next sentence: `"…". Pashinyan said`), or right before
it (`Macron said: "…"`, or a lead-in ending its line with a colon). A quote with none is
signed ("“…” ― Name", ``layout.py``) or continues the previous speaker's quote in the same
or the preceding paragraph. Cues that found no quote report indirect or nominal speech; one
with no complement reports the next line after a colon, or the clause it interrupts ("Acts of
protest, Mr. Obama said, are …"). Speaker labels opening a line ("PENCE: …") and nouns of
saying with a that-clause ("Lark's claim that …", ``claim_nouns.py``) add their claims.
Cues inside another claim form chains: the inner speaker comes "via" the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..model import Span
from .claim_nouns import ClaimNoun, claim_nouns
from .cues import Cue, find_cues, reported_clause
from .layout import LaidOut, is_lead_in, lead_in, signature, speaker_labels
from .lexicon import FIRST_PERSON, SPEECH_VERBS
from .quotes import Quote, find_quotes, inner_quotes
from .spans import char_span, doc_text, noun_phrase, token_range_span, within

_SEPARATORS = re.compile(r"[\s,.;:!?\"'“”‘’—-]*")
_RELAYING = frozenset({"cite", "quote", "report", "carry"})


@dataclass
class Draft:
    """An attribution before its speaker is named: keeps the parse tokens resolution needs."""

    kind: str
    content: Span
    cue: Cue | None = None
    cue_span: Span | None = None
    speaker_token: Token | None = None
    speaker_span: Span | None = None
    reporters: list[tuple[Token | None, Span | None, str]] = field(default_factory=list)
    negated: bool = False
    continues: Draft | None = None  # the quote this cue-less one carries on
    laid_out: bool = False  # marked by the page's layout, which a sentence-by-sentence reader misses


def _only_separators(text: str) -> bool:
    return _SEPARATORS.fullmatch(text) is not None


def _overlaps(a: Span, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def _cue_extent(cue: Cue) -> tuple[int, int]:
    """Where a cue and its speaker phrase stand, to measure what separates them from a quote."""
    spans = [cue.span]
    if cue.speaker is not None:
        phrase = noun_phrase(cue.speaker)
        if phrase is not None and abs(phrase.start - cue.span.start) < 200:
            spans.append(phrase)
    return min(s.start for s in spans), max(s.end for s in spans)


def _cue_for_quote(quote: Quote, cues: list[Cue], used: set[int], text: str) -> Cue | None:
    outside = [c for c in cues if not (quote.outer_start <= c.verb.idx < quote.outer_end)]
    for cue in outside:
        if cue.content is not None and _overlaps(cue.content, quote.start, quote.end):
            return cue
    free = [c for c in outside if c.content is None and id(c) not in used]
    after = [c for c in free if _cue_extent(c)[0] >= quote.outer_end]
    if after:
        cue = min(after, key=lambda c: _cue_extent(c)[0])
        gap = text[quote.outer_end : _cue_extent(cue)[0]]
        if "\n" not in gap and _only_separators(gap):
            return cue
    before = [c for c in free if _cue_extent(c)[1] <= quote.outer_start]
    if before:
        cue = max(before, key=lambda c: _cue_extent(c)[1])
        gap = text[_cue_extent(cue)[1] : quote.outer_start]
        if _only_separators(gap) and ("\n" not in gap or is_lead_in(gap)):
            return cue
    return None


def _continues(quote: Quote, previous: Draft | None, text: str) -> bool:
    """A cue-less quote right after another speaker's quote carries on that quote."""
    if previous is None or previous.kind != "direct" or previous.cue is None:
        return False
    last = max(previous.content.end, previous.cue_span.end if previous.cue_span else 0)
    between = text[last : quote.outer_start]
    if between.count("\n") > 1:
        return False
    sentence_break = between.strip().rstrip("\"'”’")
    return len(between) < 400 and (sentence_break == "" or sentence_break.endswith("."))


def reporters_of(cue: Cue) -> list[tuple[Token | None, Span | None, str]]:
    """The intermediary a cue names ("AsiaNews" in "AsiaNews quoted … as saying"), with its cue word."""
    if cue.reporter is None:
        return []
    return [(cue.reporter, noun_phrase(cue.reporter), cue.verb.text)]


def _draft_from_cue(cue: Cue, kind: str, content: Span) -> Draft:
    speaker_span = noun_phrase(cue.speaker) if cue.speaker is not None else None
    reporters = reporters_of(cue)
    return Draft(
        kind=kind,
        content=content,
        cue=cue,
        cue_span=cue.span,
        speaker_token=cue.speaker,
        speaker_span=speaker_span,
        reporters=reporters,
        negated=cue.negated,
    )


def _laid_out(found: LaidOut) -> Draft:
    return Draft(
        kind="direct" if found.verbatim else "indirect",
        content=found.content,
        cue_span=found.cue,
        speaker_token=found.speaker.root,
        speaker_span=char_span(doc_text(found.speaker.doc), found.speaker.start_char, found.speaker.end_char),
        laid_out=True,
    )


def _from_noun(found: ClaimNoun) -> Draft:
    cue = token_range_span(found.cue.doc, [found.cue])
    return Draft(
        kind="indirect",
        content=found.content,
        cue_span=cue,
        speaker_token=found.source,
        speaker_span=noun_phrase(found.source) if found.source is not None else None,
    )


def interrupted_clause(cue: Cue) -> list[Span]:
    """"Acts of protest, Mr. Obama said, are acts of patriotism": a speech verb set into the
    clause it reports, with no complement of its own. The clause is its content, in the parts
    either side of the speaker and verb."""
    verb, doc, speaker = cue.verb, cue.verb.doc, cue.speaker
    if speaker is None:
        return []
    # A second subject the parse hung on the verb ("Voters, Clinton suggested, don't …") is the
    # clause's, as is a predicate joined to it with no subject nor saying of its own ("He had no
    # known affiliations, the airline added, and had passed all checks").
    stray = {
        t.i
        for c in verb.children
        if (c.dep_ == "nsubj" and c.i != speaker.i) or (c.dep_ == "conj" and c.i > verb.i and _continues_clause(c))
        for t in c.subtree
    }
    own = {t.i for t in verb.subtree} - stray
    reported = reported_clause(verb)
    if reported is not None:
        # "…, the captain said, and added that …": a saying joined after it is a cue of its own.
        said_next = {t.i for c in reported.children if c.dep_ == "conj" and c.i > verb.i and c.lemma_.lower() in SPEECH_VERBS for t in c.subtree}
        clause = [t for t in reported.subtree if t.i not in own and t.i not in said_next]
        before, after = [t for t in clause if t.i < verb.i], [t for t in clause if t.i > verb.i]
    else:
        before, after = _clause_around_root(verb)
    parts = (
        token_range_span(doc, _without_edge_punctuation(before)),
        token_range_span(doc, _without_edge_punctuation(after), strip_final_period=True),
    )
    return [p for p in parts if p is not None and any(c.isalnum() for c in p.text)]


def _continues_clause(predicate: Token) -> bool:
    """A predicate with no subject nor saying of its own: the interrupted clause goes on in it."""
    return predicate.pos_ in ("VERB", "AUX") and predicate.lemma_.lower() not in SPEECH_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in predicate.children
    )


def _clause_around_root(verb: Token) -> tuple[list[Token], list[Token]]:
    """"The dispute, Ovell told reporters, is far from settled", parsed with "told" for root:
    the subject left unattached before it and the predicate joined to it after, with no subject
    of its own, are the clause it interrupts."""
    if verb.dep_ != "ROOT":
        return [], []
    subject = next((c for c in verb.lefts if c.dep_ == "dep" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    predicate = next((c for c in verb.rights if c.dep_ == "conj" and _continues_clause(c)), None)
    if subject is None or predicate is None:
        return [], []
    if not any(t.dep_ == "punct" and t.text == "," for t in verb.doc[subject.right_edge.i + 1 : predicate.left_edge.i]):
        return [], []
    return list(subject.subtree), list(predicate.subtree)


def _without_edge_punctuation(tokens: list[Token]) -> list[Token]:
    """The commas, dashes and conjunctions that set the interruption off belong to neither part."""
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and ((tokens[-1].is_punct and tokens[-1].text != ".") or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens if any(not t.is_punct for t in tokens) else []


def _according_to(doc: Doc) -> list[Draft]:
    drafts = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        phrase = set(t.i for t in token.subtree) | {t.i for t in to.subtree}
        relay = _cited_by(source, phrase)
        reporters: list[tuple[Token | None, Span | None, str]] = []
        if relay is not None:
            participle, outlet = relay
            phrase |= {t.i for t in participle.subtree}
            reporters.append((outlet, noun_phrase(outlet), f"{participle.text} by"))
        head = token.head if token.head != token else token
        clause = [t for t in head.subtree if t.i not in phrase and t.sent == token.sent]
        lo, hi = min(phrase), max(phrase)
        after = [t for t in clause if t.i > hi]
        before = [t for t in clause if t.i < lo]
        chosen = after if len(after) >= len(before) else before
        while chosen and (chosen[0].dep_ in ("advmod", "cc", "punct") and chosen[0].i < head.i and chosen[0].head == head):
            chosen = chosen[1:]
        content = token_range_span(doc, chosen, strip_final_period=True)
        if content is None:
            continue
        speaker_token = source
        drafts.append(
            Draft(
                kind="according_to",
                content=content,
                cue_span=char_span(doc_text(doc), token.idx, to.idx + len(to.text)),
                speaker_token=speaker_token,
                speaker_span=noun_phrase(source),
                reporters=reporters,
            )
        )
    return drafts


def _cited_by(source: Token, phrase: set[int]) -> tuple[Token, Token] | None:
    """"According to Y, cited by X, …": the participle and X, the one who relays Y."""
    end = max(phrase)
    for token in source.sent:
        if token.i <= end or token.i > end + 3 or token.tag_ != "VBN" or token.lemma_.lower() not in _RELAYING:
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        relayer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if relayer is not None:
            return token, relayer
    return None


def link_chains(drafts: list[Draft]) -> list[Draft]:
    """A claim reported inside another claim reaches us through the outer speaker."""
    kept = []
    for draft in drafts:
        cue_at = draft.cue_span.start if draft.cue_span else draft.content.start
        outer = [
            d
            for d in drafts
            if d is not draft and d.content.start <= cue_at < d.content.end
        ]
        if outer:
            host = min(outer, key=lambda d: d.content.end - d.content.start)
            if draft.speaker_token is not None and draft.speaker_token.lower_ in FIRST_PERSON:
                continue  # "I can announce that …" inside a quote is the quoted speaker again
            draft.reporters = [(host.speaker_token, host.speaker_span, host.cue_span.text if host.cue_span else "")] + host.reporters + draft.reporters
        kept.append(draft)
    return kept


def draft_attributions(doc: Doc) -> list[Draft]:
    """Every attribution of ``doc`` in text order, speakers not yet resolved."""
    text = doc_text(doc)
    cues = find_cues(doc)
    quotes = find_quotes(text)
    drafts: list[Draft] = []
    used: set[int] = set()
    content_of: dict[int, Span] = {}
    previous: Draft | None = None
    for quote in quotes:
        inside_claim = [
            c for c in cues if c.content is not None and c.content.start < quote.outer_start and quote.end <= c.content.end + 3
        ]
        # The quotation marks belong to a direct quote's content, as in PolNeAR's annotations.
        quote_span = Span(text[quote.outer_start : quote.outer_end], quote.outer_start, quote.outer_end)
        cue = _cue_for_quote(quote, cues, used, text)
        if cue is not None and cue in inside_claim:
            continue  # a quoted phrase inside a larger reported claim: mixed speech, below
        signed = signature(doc, quote) if cue is None and not inside_claim else None
        if cue is not None:
            used.add(id(cue))
            content_of[id(cue)] = quote_span
            previous = _draft_from_cue(cue, "direct", quote_span)
            drafts.append(previous)
        elif signed is not None:
            previous = _laid_out(signed)
            drafts.append(previous)
        elif not inside_claim and _continues(quote, previous, text):
            assert previous is not None
            continued = Draft(
                kind="direct",
                content=quote_span,
                cue=None,
                speaker_token=previous.speaker_token,
                speaker_span=previous.speaker_span,
                reporters=list(previous.reporters),
                continues=previous,
            )
            drafts.append(continued)
    for cue in cues:
        if id(cue) in used:
            continue
        if cue.content is None:
            drafts.extend(_without_complement(cue, text))
            continue
        has_quote = any(cue.content.start <= q.start and q.end <= cue.content.end + 3 for q in quotes)
        kind = "mixed" if has_quote else "nominal" if cue.nominal else "indirect"
        content = cue.content
        if has_quote:
            last = max((q for q in quotes if cue.content.start <= q.start < cue.content.end + 3), key=lambda q: q.outer_end)
            content = char_span(text, cue.content.start, max(cue.content.end, last.outer_end)) or content
        drafts.append(_draft_from_cue(cue, kind, content))
    drafts.extend(_according_to(doc))
    # A labelled line is its speaker's even when the parse finds a claim inside it ("I want to ask
    # you, will …"): that one is nested in it.
    drafts.extend(d for d in map(_laid_out, speaker_labels(doc)) if not any(within(d.content, o.content) for o in drafts))
    drafts.extend(d for d in map(_from_noun, claim_nouns(doc)) if not any(_overlaps(o.content, d.content.start, d.content.end) for o in drafts))
    drafts = _quotes_within_quotes(doc, drafts, cues, quotes)
    drafts.sort(key=lambda d: (d.content.start, d.cue_span.start if d.cue_span else -1))
    return link_chains(drafts)


def _without_complement(cue: Cue, text: str) -> list[Draft]:
    """A cue the parse gave no complement: a lead-in whose words fill the next line, or a
    parenthetical inside the clause it reports (the second part carries on the first)."""
    following = lead_in(text, _cue_extent(cue)[1])
    if following is not None:
        return [replace(_draft_from_cue(cue, "direct", following), laid_out=True)]
    drafts: list[Draft] = []
    for part in interrupted_clause(cue):
        drafts.append(replace(_draft_from_cue(cue, "indirect", part), continues=drafts[0] if drafts else None))
    return drafts


def _quotes_within_quotes(doc: Doc, drafts: list[Draft], cues: list[Cue], quotes: list[Quote]) -> list[Draft]:
    """"The minister told me 'we will not raise taxes'," Brandt said: the inner quote is the
    minister's, with its own marks as its content; ``link_chains`` then puts Brandt in its chain."""
    text = doc_text(doc)
    for quote in quotes:
        for inner in inner_quotes(text, quote):
            cue = next(
                (
                    c
                    for c in reversed(cues)
                    if quote.start <= c.verb.idx < inner.outer_start
                    and len(text[c.verb.idx + len(c.verb.text) : inner.outer_start].split()) <= 3
                    and "." not in text[c.verb.idx : inner.outer_start]
                ),
                None,
            )
            if cue is None or cue.speaker is None:
                continue
            content = Span(text[inner.outer_start : inner.outer_end], inner.outer_start, inner.outer_end)
            drafts = [d for d in drafts if d.cue is not cue]
            drafts.append(_draft_from_cue(cue, "direct", content))
    return drafts
