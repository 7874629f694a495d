"""Events from and to calendars: .ics import and export, and the user's time zone."""
