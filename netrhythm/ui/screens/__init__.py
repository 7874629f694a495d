"""The app's screens: Week (home), Contacts and a contact's details."""
