"""Imported by the forkserver of analysis/engines/intake.py, and only there: scoring loads
TextBlob's lexicon, the tagger, YAKE, the lexicons and the model on first use, about 2 s
of CPU. Loaded once here, every worker forked for an upload or a paste inherits them and
spends its time budget on its own file; at its lowered priority on a busy server that
load would otherwise take many times as long, per file."""

from analysis.scoring.score import warm

warm()
