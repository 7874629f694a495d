"""`netrhythm draft NAME [--for PRACTICE] [--max-chars N]` and the draft templates.

``--templates`` lists the kinds of draft and the placeholders, ``--template KIND`` prints one
kind's template, ``--set-template KIND TEXT`` saves the user's own (``-`` reads it from
standard input) and ``--reset-template KIND`` goes back to the default.
"""

from __future__ import annotations

import sys
from argparse import Namespace

from netrhythm.cli.render import table
from netrhythm.domain.errors import InputError
from netrhythm.services.context import Context
from netrhythm.services.drafts import templates as draft_settings

_MODES = ("templates", "template", "set_template", "reset_template")
_FLAGS = {"templates": "--templates", "template": "--template",
          "set_template": "--set-template", "reset_template": "--reset-template"}
RULES = """\
A sentence is used only when every fact it names exists; "|" between two sentences offers
the second when the first cannot be used; a line holding only "---" separates templates, and
the one with the most of its facts present is used. Every template needs one sentence
without placeholders (other than {name}), so that every contact gets a draft."""


def run(ctx: Context, args: Namespace) -> int:
    modes = [m for m in _MODES if getattr(args, m) not in (None, False)]
    if len(modes) > 1:
        raise InputError(_FLAGS[modes[1]], f"give one of {', '.join(_FLAGS.values())} at a time")
    if modes and (args.name is not None or args.practice is not None
                  or args.max_chars is not None):
        raise InputError(_FLAGS[modes[0]], "manages templates; give it without a NAME, --for "
                                           "or --max-chars")
    if modes == ["templates"]:
        return _list(ctx)
    if modes == ["template"]:
        text, _ = draft_settings.template_text(draft_settings.kind_named(args.template,
                                                                         "--template"))
        print(text)
        return 0
    if modes == ["set_template"]:
        kind, text = args.set_template
        print(draft_settings.set_template(ctx, kind, sys.stdin.read() if text == "-" else text))
        return 0
    if modes == ["reset_template"]:
        print(draft_settings.reset_template(ctx, args.reset_template))
        return 0
    if args.name is None:
        raise InputError("NAME", "name the contact to write to (netrhythm draft maria), or "
                                 "see the templates with --templates")
    from netrhythm.services.drafts.compose import draft_named

    print(draft_named(ctx, args.name, args.practice, args.max_chars).text)
    return 0


def _list(ctx: Context) -> int:
    from netrhythm.domain.draft_templates import KINDS, PLACEHOLDERS
    from netrhythm.services.drafts.compose import kind_of
    from netrhythm.storage.practices import list_practices

    used: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for practice in list_practices():
        used[kind_of(practice)].append(practice.name)
    rows = [[kind, "yours" if draft_settings.template_text(kind)[1] else "default",
             f"{about} (practices: {', '.join(used[kind]) or 'none'})"]
            for kind, about in KINDS.items()]
    print("Kinds of draft (netrhythm draft --template KIND prints one):")
    print(*table(rows), sep="\n")
    print("\nPlaceholders:")
    print(*table([["{" + name + "}", about] for name, about in PLACEHOLDERS.items()]), sep="\n")
    print()
    print(RULES)
    return 0
