"""Sub-commands of the ``svidok`` CLI, one module each."""

from .analyze import analyze
from .ingest import ingest
from .search import search

COMMANDS = [analyze, ingest, search]
