"""Rows as text for the terminal: an aligned table fitted to its width, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil

FORMATS = ("table", "json", "csv")
GAP = "  "
# A column is never cut below this many characters (or its header, when shorter).
MIN_CELL = 10
# Width used when the output is not a terminal and COLUMNS is not set.
DEFAULT_WIDTH = 120


def terminal_width() -> int:
    """The terminal's width in characters (COLUMNS wins; DEFAULT_WIDTH when piped)."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def cell_text(value: object) -> str:
    """One value as a single line of text; missing values are blank."""
    if value is None or value != value:  # None or NaN
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return " ".join(str(value).split())


def cut(text: str, width: int) -> str:
    """text in at most width characters, ending in an ellipsis when cut."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def column_widths(natural: list[int], floors: list[int], budget: int, keep: list[bool]) -> list[int]:
    """Shrink the widest columns, never below their floors, until the widths fit the budget;
    columns marked keep are cut only once every other column is at its floor."""
    widths = list(natural)
    for cut_kept in (False, True):
        while sum(widths) > budget:
            shrinkable = [i for i, w in enumerate(widths) if w > floors[i] and (cut_kept or not keep[i])]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def render_table(rows: list[dict], columns: list[str] | None = None, width: int | None = None,
                 keep: tuple[str, ...] = ()) -> str:
    """An aligned table of rows that fits width (the terminal's by default): columns empty in
    every row are left out, and long cells are cut with an ellipsis, those in `keep` last."""
    if not rows:
        return "(no results)"
    columns = columns or list(rows[0])
    cells = {c: [cell_text(row.get(c)) for row in rows] for c in columns}
    columns = [c for c in columns if any(cells[c])]
    natural = [max(len(c), *(len(v) for v in cells[c])) for c in columns]
    floors = [min(n, max(MIN_CELL, len(c))) for n, c in zip(natural, columns, strict=True)]
    budget = (width or terminal_width()) - len(GAP) * (len(columns) - 1)
    widths = column_widths(natural, floors, budget, [c in keep for c in columns])
    numeric = [all(isinstance(row.get(c), int | float) or row.get(c) is None for row in rows) for c in columns]

    def line(values: list[str]) -> str:
        parts = [cut(v, w).rjust(w) if right else cut(v, w).ljust(w)
                 for v, w, right in zip(values, widths, numeric, strict=True)]
        return GAP.join(parts).rstrip()

    lines = [line(columns), *(line([cells[c][i] for c in columns]) for i in range(len(rows)))]
    if widths != natural:
        lines.append(f"(cut to fit {sum(widths) + len(GAP) * (len(columns) - 1)} columns; "
                     "--format json or csv for whole cells)")
    return "\n".join(lines)


def render(rows: list[dict], columns: list[str], fmt: str) -> str:
    """Rows as a fitted table, JSON (a list of objects) or CSV with a header."""
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    return render_table(rows, columns)
