"""FrameLens analysis layer: ingest articles, score frames with evidence, compare.

Pure Python with no user-interface imports, so the command line, the dashboard and
tests share one implementation. Entry points: `analysis.ingest.read`, `analysis.scoring.score`,
`analysis.report.compare`; `python -m analysis --help` for the command line.
"""
