"""Helpers shared by the task-list tests."""

from __future__ import annotations

from pipeline.lists import find_task_lists


def items(text: str) -> list[list[str]]:
    """The item texts of every list found in text."""
    return [[it["text"] for it in lst["items"]] for lst in find_task_lists(text)]
