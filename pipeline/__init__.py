"""Diplomatic meetings dataset: raw readouts in, curated meetings, attendees and proposals out."""
