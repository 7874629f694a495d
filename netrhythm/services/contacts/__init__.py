"""Contacts: managing them, finding them, the lists the app shows, and who needs you next."""
