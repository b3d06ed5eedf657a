"""``python -m svidok`` runs the command-line interface."""

from svidok.cli import main

if __name__ == "__main__":
    main()
