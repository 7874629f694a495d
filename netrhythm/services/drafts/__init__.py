"""Drafts: a short message to a contact that applies the advice, from facts netrhythm holds
(``compose``), and the user's own templates and sign-off (``templates``)."""
