"""`python -m analysis` runs the command line."""

from analysis.cli.main import main

main(prog_name="python -m analysis")
