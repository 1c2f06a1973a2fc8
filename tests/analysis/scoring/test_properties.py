"""Property-based tests: any text, however odd, never crashes and keeps offsets inside it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.ingest.normalize import normalize, trim_boilerplate
from analysis.ingest.read import read_bytes
from analysis.ingest.segment import sentences
from analysis.scoring.frames import detect
from analysis.scoring.lexicons import load_lexicons
from analysis.scoring.score import score_document
from analysis.types import Document

ODD_TEXT = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(categories=["Cc", "Zs", "Po", "Pd"]), max_size=200),
    st.builds(lambda w, n: (w + " ") * n, st.text(min_size=1, max_size=12), st.integers(1, 300)),
    st.text(alphabet="中文العربيةрусскийAbc.!? \n\t\u200b\u00a0“”", max_size=300),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ODD_TEXT)
def test_segmentation_offsets_stay_inside(text: str) -> None:
    spans = sentences(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@FAST
@given(ODD_TEXT)
def test_normalize_is_idempotent_and_trim_loses_nothing(text: str) -> None:
    clean = normalize(text)
    assert normalize(clean) == clean
    article, trimmed = trim_boilerplate(clean)
    assert clean.startswith(article)
    assert len(article) + len(trimmed) <= len(clean)


@FAST
@given(ODD_TEXT)
def test_cues_index_the_text(text: str) -> None:
    clean = normalize(text)
    spans = sentences(clean)
    for (start, end), hits in zip(spans, detect(clean, spans, load_lexicons())):
        for hit in hits.values():
            assert 0 < hit.strength <= 1
            for cue in hit.cues:
                assert start <= cue.start < cue.end <= end
                assert clean[cue.start : cue.end] == cue.text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ODD_TEXT)
def test_scoring_any_text_is_sound(text: str) -> None:
    result = score_document(Document(id="p", source="p", text=normalize(text)))
    for frame in result.frames.values():
        assert 0 <= frame.share <= 1 and frame.per_1k_words >= 0
    assert -1 <= result.polarity <= 1 and 0 <= result.subjectivity <= 1


@FAST
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "a.md", "a.html", "a.csv", "a.jsonl", "a.zip"]))
def test_ingest_any_bytes_gives_documents_or_reasons(data: bytes, name: str) -> None:
    corpus = read_bytes(name, data)
    for doc in corpus.documents:
        assert doc.text and doc.text == normalize(doc.text)
    for rejected in corpus.rejected:
        assert rejected.source.startswith(name) and rejected.message
