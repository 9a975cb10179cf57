"""Near-copies of one story (wire copy republished, lightly edited) found by MinHash.

Each article body becomes a set of word 5-shingles, summarised by a MinHash signature; the
signature is cut into bands, and two articles sharing a band hash are candidates (locality
sensitive hashing), confirmed when the signatures estimate a Jaccard similarity of at least
``COPY_THRESHOLD``. Only the new article's text is read; earlier ones are found by band.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

from ..model import normalise_text

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 32  # 32 bands of 2 rows: pairs above ~0.4 similarity share a band with high probability
COPY_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


def signature(text: str) -> list[int]:
    """A MinHash signature of the text's word shingles, stable across processes."""
    words = _WORD.findall(normalise_text(text))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in minhash.hashvalues]


def bands(sig: list[int]) -> list[str]:
    """One key per band: equal keys mean the band's rows are all equal."""
    rows = len(sig) // BANDS
    keys = []
    for band in range(BANDS):
        chunk = ",".join(str(v) for v in sig[band * rows : (band + 1) * rows])
        keys.append(f"{band}:" + hashlib.sha1(chunk.encode()).hexdigest()[:16])
    return keys


def similarity(first: list[int], second: list[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    if not first or len(first) != len(second):
        return 0.0
    return sum(a == b for a, b in zip(first, second)) / len(first)
