"""Sub-commands of the ``svidok`` CLI, one module each."""

from .analyze import analyze
from .eval import eval_group
from .ingest import ingest
from .kb import kb
from .search import search

COMMANDS = [analyze, eval_group, ingest, kb, search]
