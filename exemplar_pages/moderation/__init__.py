"""Moderation (DESIGN §4): roles, the review workflow with the council's vote, no bypass, audit and REST."""
