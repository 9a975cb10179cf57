"""``python -m sayso`` runs the command line, for environments where the ``sayso`` script is not on PATH."""

from sayso.cli import app

app(prog_name="sayso")
