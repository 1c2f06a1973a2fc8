"""FrameLens analysis layer: ingest articles, score frames with evidence, compare.

Pure Python with no user-interface imports, so the command line, the dashboard and
tests share one implementation. One package a stage, each importing only the ones before
it: ingest -> scoring -> engines -> gold -> corpus -> report -> charts -> cli (README,
"Project layout"; tests/test_layers.py holds the order). Entry points:
`analysis.ingest.read`, `analysis.scoring.score`, `analysis.engines.run`;
`python -m analysis --help` for the command line.
"""
