"""The command line, `python -m analysis ...`: argument parsing, messages and exit codes; imports every analysis layer, never the dashboard."""
