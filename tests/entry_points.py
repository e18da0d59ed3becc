"""The package's entry points as declared in pyproject.toml, installable into a scratch folder.

The test environment's installed metadata may predate a change to pyproject.toml; a tiny
distribution holding only the declared entry points, put first on PYTHONPATH, lets a subprocess
see exactly what a fresh `pip install` of this checkout would advertise.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


_TABLE = re.compile(r"^\[(.+)\]\s*$")
_ENTRY = re.compile(r'^"?([^"=\s]+)"?\s*=\s*"([^"]+)"')


def declared_entry_points() -> dict[str, dict[str, str]]:
    """group -> {name: "module:attribute"} from pyproject.toml's [project.entry-points.GROUP]
    tables (read by hand: tomllib is not in Python 3.10, which warta supports)."""
    groups: dict[str, dict[str, str]] = {}
    group = None
    for line in (REPO / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if table := _TABLE.match(line):
            name = table.group(1)
            group = name.removeprefix("project.entry-points.") if name.startswith("project.entry-points.") else None
            if group:
                groups[group] = {}
        elif group and (entry := _ENTRY.match(line)):
            groups[group][entry.group(1)] = entry.group(2)
    return groups


def entry_point_env(folder: Path) -> dict[str, str]:
    """An environment for a subprocess that sees the declared entry points and this checkout."""
    dist = folder / "warta_entry_points_probe-0.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: warta-entry-points-probe\nVersion: 0\n")
    groups = [f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
              for group, points in declared_entry_points().items()]
    (dist / "entry_points.txt").write_text("\n".join(groups))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(folder), str(REPO), env.get("PYTHONPATH", "")])
    return env
