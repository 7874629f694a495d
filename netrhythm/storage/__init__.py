"""Storage: Peewee on SQLite. Every query lives here and returns plain objects."""
