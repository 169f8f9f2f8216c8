"""Reconstruction: the claims ledger, contradictions, timeline, coverage and a cited
brief of an event or story (issue 6)."""

from riwaya.reconstruct.report import CSV_COLUMNS, export_csv, export_rows, load_sources, reconstruct, story_markdown

__all__ = ["CSV_COLUMNS", "export_csv", "export_rows", "load_sources", "reconstruct", "story_markdown"]
