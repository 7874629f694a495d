"""The weekly review: computed once (``build``), rendered as text, Markdown or JSON (``render``)."""
