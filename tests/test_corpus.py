"""Real-world input: every public template in ../shared/corpus goes through check and fix
with no crash, every changed file still parses, and a second run changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacfix import corpus

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")
def test_corpus_has_no_crash_no_broken_output_no_second_change():
    stats = corpus.run([CORPUS])
    assert stats, "the corpus yielded no IaC file"
    assert sum(s.seen for s in stats.values()) > 100
    for lang, s in stats.items():
        assert s.crashes == [], lang
        assert s.broken == [], lang
        assert s.not_idempotent == [], lang
