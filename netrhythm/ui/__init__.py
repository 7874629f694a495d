"""The full-screen app (Textual). It calls netrhythm.services only, never the database."""
