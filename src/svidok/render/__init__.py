"""Human views of analyses: a terminal table and a standalone HTML page.

Both work from ``svidok.to_dict(doc)``, so they show exactly what the output contract holds.
"""

from .html import render_html
from .table import render_table

__all__ = ["render_html", "render_table"]
