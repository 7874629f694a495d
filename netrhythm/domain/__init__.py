"""Pure domain logic: weeks, streaks, scores, dates and nudge rules (standard library only)."""
