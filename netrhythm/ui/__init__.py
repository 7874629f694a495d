"""The full-screen Textual app. Talks to services only, never to the database."""
