"""Files people move data with: vCard, CSV exports, iCalendar. Parsing and writing only.

Pure code on top of the domain: nothing here touches the database, the clock or the screen.
The services match what is parsed here against the database and write it.
"""
