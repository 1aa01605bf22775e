"""Linking events into trips across articles (placeholder)."""

from __future__ import annotations

from sukien.models import Event, Trip


def link(events: list[Event]) -> list[Trip]:
    """Group events into trips; sets each event's `trip_id`. Deterministic for the same input."""
    return []
