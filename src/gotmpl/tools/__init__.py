"""Authoring tools built on execution: source maps, JSON blame, payload fuzzing."""
