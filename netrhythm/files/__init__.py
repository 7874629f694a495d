"""Files on disk, below every layer that writes or reads them (storage and services alike).

``atomic``: every file netrhythm writes goes to a private temporary file beside its target, is
flushed and fsynced, then linked into place (a user's file is never replaced) or renamed over
it (a backup replaces its own older copy). A kill leaves no partial file under the final name.
``stale``: the temporaries' names, and the clean-up of those whose writer is gone.
``special``: reading a file someone names, refusing what is not a regular file (a FIFO would
hang, /dev/zero never ends) and what is larger than a stated limit.

Standard library only: storage imports it, so it may import neither storage nor services.
"""
