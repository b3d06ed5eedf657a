"""Sub-commands of the ``svidok`` CLI, one module each."""

from .analyze import analyze
from .check import check
from .eval import eval_group
from .ingest import ingest
from .kb import kb
from .search import search
from .serve import serve
from .stories import stories

COMMANDS = [analyze, check, eval_group, ingest, kb, search, serve, stories]
