"""The weekly rhythm: logging actions, each practice's progress, this week's status, pauses."""
