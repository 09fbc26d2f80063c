"""Pure extraction: meetings, attendees and proposals from one cleaned document. No Dagster imports."""
