"""Nudges: the check that sends what is due (``check``) and the scheduler entries (``schedule``)."""
