"""AppTest for the Reader, Corpus, Lexicons, Method and Code pages (Overview and Compare have
their own files): widgets exist, filters change what is shown, bad input gives a message."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dataclasses import replace

from analysis import limits
from analysis.ingest.read import load_seeds, read_paths
from analysis.scoring.score import score_document
from analysis.types import Document
from dashboard.widgets import plain
from tests.dashboard.conftest import APP, emptied, open_page

HOSTILE = Document(
    id="x1", source="x1.txt", title="Hostile",
    text="Export controls hit chips. <script>alert('owned')</script> <img src=x onerror=alert(1)> The end.",
)


def table_with(at: AppTest, column: str):
    """The shown table that has `column` (display-only tables expose no key to AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_reader_highlights_cues(app: AppTest, seed_results) -> None:
    open_page(app, "reader")
    html = [m.value for m in app.markdown if "fl-reader" in m.value][-1]
    assert 'class="fl-cue fl-ANALOGY"' in html and 'class="fl-cue fl-SECURITY"' in html
    app.multiselect(key="reader.frames").set_value(["SECURITY"]).run()
    app.toggle(key="reader.only").set_value(True).run()
    html = [m.value for m in app.markdown if "fl-reader" in m.value][-1]
    assert "fl-ANALOGY" not in html and html.count("<p>") == seed_results["000"].frames["SECURITY"].sentences
    evidence = table_with(app, "cue words")
    assert set(evidence["frame"]) == {"SECURITY"} and list(evidence.columns) == ["sentence", "frame", "cue words", "text"]
    assert len(evidence) == seed_results["000"].frames["SECURITY"].sentences


def test_reader_shows_scripts_as_text() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["corpus.documents"] = [HOSTILE]
    at.run()
    open_page(at, "reader")
    html = [m.value for m in at.markdown if "fl-reader" in m.value][-1]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;" in html and "&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_reader_says_why_an_off_topic_article_has_no_labels() -> None:
    """A review of a Cold War film (the topic regression finds it off-topic) beside a seed."""
    (film,) = read_paths([Path(__file__).resolve().parents[1] / "data/corpus/dev/control-52.txt"]).documents
    seed = load_seeds().documents[0]
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["corpus.documents"] = [seed, film]
    at.run()
    open_page(at, "reader")
    assert at.selectbox(key="reader.article").value == seed.id
    assert not [i for i in at.info if "off-topic" in i.value]
    at.selectbox(key="reader.article").set_value(film.id).run()
    reason = score_document(film).off_topic
    assert reason.startswith("the topic model, reading its words, gives a probability of 0.")
    assert [i.value for i in at.info] == [f"This article has no frame labels because FrameLens reads it as off-topic: "
                                          f"{reason}. The codebook keeps off-topic texts quiet, whatever their words."]
    assert [m.value for m in at.metric] == ["0%"] * 4


def test_corpus_paste_upload_remove_reset(app: AppTest) -> None:
    open_page(app, "corpus")
    app.text_input(key="corpus.paste_title").set_value("Pasted")
    app.text_area(key="corpus.paste_text").set_value("Washington added Chinese chipmakers to the entity list.")
    submit = [b for b in app.get("button") if getattr(b, "label", "") == "Add pasted text"][0]
    submit.click().run()
    ids = [d.id for d in app.session_state["corpus.documents"]]
    assert ids[-1] == "pasted" and app.success[0].value == plain("Added the pasted text as pasted.")
    app.multiselect(key="corpus.remove").set_value(["pasted", "000"]).run()
    app.button(key="corpus.remove_button").click().run()
    assert [d.id for d in app.session_state["corpus.documents"]] == ["001", "002", "003", "004"]
    app.button(key="corpus.reset").click().run()
    assert len(app.session_state["corpus.documents"]) == 5


def test_corpus_empty_paste_is_refused(app: AppTest) -> None:
    open_page(app, "corpus")
    submit = [b for b in app.get("button") if getattr(b, "label", "") == "Add pasted text"][0]
    submit.click().run()
    assert app.error[0].value == plain("Not added — pasted text: empty text")
    assert len(app.session_state["corpus.documents"]) == 5


def test_corpus_upload_reports_bad_files(app: AppTest) -> None:
    open_page(app, "corpus")
    uploader = app.get("file_uploader")[0]
    uploader.upload("good.txt", b"US sanctions hit Huawei's chip supply.", "text/plain")
    uploader.upload("bad.txt", b"\x00\x01\x02\x00\xff", "text/plain").run()
    app.button(key="corpus.add_upload").click().run()
    assert [e.value for e in app.error] == [plain("Not added — bad.txt: binary or undecodable data, not text")]
    assert [d.id for d in app.session_state["corpus.documents"]][-1] == "good"


def test_a_second_add_adds_nothing_twice(app: AppTest) -> None:
    open_page(app, "corpus")
    app.get("file_uploader")[0].upload("good.txt", b"US sanctions hit Huawei's chip supply.", "text/plain").run()
    app.button(key="corpus.add_upload").click().run()
    assert app.success[0].value == plain("Added 1 article(s): good")
    assert len(app.get("file_uploader")) == 1 and not app.get("file_uploader")[0].value
    assert app.button(key="corpus.add_upload").disabled
    assert [d.id for d in app.session_state["corpus.documents"]][-2:] == ["004", "good"]


def test_budgets_stop_one_file_and_add_the_rest(app: AppTest, monkeypatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", replace(limits.LIMITS, file_seconds=15.0))
    open_page(app, "corpus")
    uploader = app.get("file_uploader")[0]
    uploader.upload("good.txt", b"US sanctions hit Huawei's chip supply.", "text/plain")
    uploader.upload("slow.md", b"[" * 20_000, "text/markdown").run()  # minutes for Python-Markdown
    app.button(key="corpus.add_upload").click().run()
    assert [e.value for e in app.error] == [plain("Not added — slow.md: reading and scoring it took "
                                                  "longer than the time limit of 15 s, so it was stopped")]
    assert [d.id for d in app.session_state["corpus.documents"]][-1] == "good"


def test_corpus_page_states_the_limits(app: AppTest) -> None:
    open_page(app, "corpus")
    shown = next(m.value for m in app.markdown if "words per upload" in m.value)
    assert f"{limits.LIMITS.upload_words:,}" in shown and f"{limits.LIMITS.line_chars:,}" in shown


def test_lexicon_edit_rescores_and_bad_yaml_is_reported(app: AppTest) -> None:
    open_page(app, "lexicons")
    area = app.text_area(key="lexicons.text.SECURITY")
    area.set_value(emptied(area.value, "weak")).run()
    app.button(key="lexicons.apply.SECURITY").click().run()
    assert "Applied your SECURITY lexicon" in app.success[0].value
    effect = table_with(app, "SECURITY now").set_index("id")
    assert effect.loc["003", "SECURITY now"] < effect.loc["003", "SECURITY packaged"]
    app.text_area(key="lexicons.text.MARKET").set_value("groups: [broken\n").run()
    app.button(key="lexicons.apply.MARKET").click().run()
    assert app.error[0].value.startswith(plain("Not applied — market.yaml, line 2: not valid YAML"))
    app.button(key="lexicons.restore.SECURITY").click().run()
    effect = table_with(app, "SECURITY now").set_index("id")
    assert effect.loc["003", "SECURITY now"] == effect.loc["003", "SECURITY packaged"]


def test_lexicon_page_refuses_unsafe_patterns_and_empty_files(app: AppTest) -> None:
    open_page(app, "lexicons")
    area = app.text_area(key="lexicons.text.SECURITY")
    area.set_value(area.value.replace("      - entity list\n", "      - re: (a+)+$\n", 1)).run()
    app.button(key="lexicons.apply.SECURITY").click().run()
    line = area.value.splitlines().index("      - re: (a+)+$") + 1
    assert app.error[0].value.startswith(plain(f"Not applied — security.yaml, line {line}: unsafe pattern 're:(a+)+$': nested"))
    assert "lexicons.overrides" not in app.session_state or "SECURITY" not in app.session_state["lexicons.overrides"]
    app.text_area(key="lexicons.text.MARKET").set_value("").run()
    app.button(key="lexicons.apply.MARKET").click().run()
    assert app.error[0].value == plain("Not applied — market.yaml: the file is empty")


def test_method_page_explains_the_numbers(app: AppTest) -> None:
    open_page(app, "method")
    text = app.markdown[-1].value
    for phrase in ("Share", "Per 1,000 words", "HISTORY", "log-odds", "cannot"):
        assert phrase in text


def test_code_it_yourself_scores_a_student_against_framelens(app: AppTest, seed_results) -> None:
    open_page(app, "code")
    app.selectbox(key="code.article").set_value("004").run()
    assert len(app.get("pills")) == 15  # a long article opens on its first 15 sentences
    machine = [set(s.frames) for s in seed_results["004"].sentences]
    app.get("pills")[0].set_value(["ANALOGY"])
    app.get("pills")[1].set_value(sorted(machine[1]) or ["none"])  # agrees with FrameLens
    submit = [b for b in app.get("button") if getattr(b, "label", "") == "Check my coding"][0]
    submit.click().run()
    scores = table_with(app, "kappa").set_index("frame")
    assert scores.loc["ANALOGY", "you only"] == 1 and scores.loc["ANALOGY", "FrameLens only"] == 0
    # only the two coded sentences count: untouched sentences are not "none"
    assert scores.loc["HISTORY", "FrameLens only"] == int("HISTORY" in machine[0])
    plain = next(m.value for m in app.markdown if "in plain words" in m.value)
    assert all(f"**{frame}**: " in plain for frame in scores.index)
    differ = table_with(app, "FrameLens")
    assert list(differ["sentence"]) == [1] and differ.iloc[0]["you"] == "ANALOGY"
    assert app.subheader[-1].value == "Sentences where you differ (1 of the 2 you coded)"


def test_code_it_yourself_offers_a_paragraph(app: AppTest, seed_results) -> None:
    open_page(app, "code")
    app.selectbox(key="code.article").set_value("002").run()
    options = app.selectbox(key="code.part.002").options
    assert options[0] == "The first 15 sentences" and options[-1].startswith("The whole article")
    paragraph = next(o for o in options if o.startswith("Paragraph 3"))
    app.selectbox(key="code.part.002").set_value(paragraph).run()
    first, last = (int(n) for n in paragraph.split("sentences ")[1].rstrip(")").split("–"))
    assert len(app.get("pills")) == last - first + 1


def test_code_it_yourself_loads_an_uploaded_gold_file(app: AppTest, seed_results) -> None:
    open_page(app, "code")
    app.selectbox(key="code.article").set_value("000").run()
    second = seed_results["000"].sentences[1]
    gold = f"article_id,start,end,text,labels\n000,{second.start},{second.end},,ANALOGY;MARKET\n"
    app.get("file_uploader")[0].upload("labels.csv", gold.encode(), "text/csv").run()
    app.button(key="code.use_upload").click().run()
    assert app.success[0].value == plain("Loaded labels for 1 sentence(s) of 000.")
    assert app.session_state["code.000.1"] == ["ANALOGY", "MARKET"]
    assert app.get("pills")[1].value == ["ANALOGY", "MARKET"]


def test_reader_shows_metadata_as_text_not_markdown() -> None:
    image = "![t](http://127.0.0.1:9/o.png)"
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["corpus.documents"] = [replace(HOSTILE, outlet=image)]
    at.run()
    open_page(at, "reader")
    assert at.caption[0].value.startswith(plain(image))
