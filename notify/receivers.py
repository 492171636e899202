"""Connects notify to case events (filled in by the outbox work)."""
