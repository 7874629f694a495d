"""The API the command line and the UI call: storage, domain rules and delivery composed."""
