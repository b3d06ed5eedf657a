"""Sub-commands of the ``svidok`` CLI, one module each."""

from .analyze import analyze

COMMANDS = [analyze]
