"""Modal dialogs, one per module: log an action, add or edit a contact, confirm, help."""
