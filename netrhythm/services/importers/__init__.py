"""Reading and writing the files people move contacts with: vCard, LinkedIn, Google and plain CSV,
and the full JSON backup.

Every parser turns bytes into plain records that carry where they came from ("line 12",
"card 3 (line 27)") and raises :class:`netrhythm.domain.errors.InputError` naming the file, the
line or card and the problem for malformed input. Nothing here touches the database: the services
in :mod:`netrhythm.services.transfer` validate a whole file first, then write it in one change.
"""
