"""The command line: argument parsing, the composition root and the fast commands."""
