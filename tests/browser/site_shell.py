"""The process behind `run_on_site` (tests/browser/conftest.py): Django set up once on the
browser site's database, then each piece of code it is sent (a JSON line on stdin) run in a
namespace of its own; what it printed, or its traceback, goes back as a JSON line on stdout.
A `manage.py shell` per call took 5 s of start-up, and a test that polls the outbox calls it
in a loop."""

import contextlib
import io
import json
import os
import sys
import traceback

import django


def main():
    # The answers on a descriptor of their own: whatever else writes to stdout (a handler set
    # up with Django) goes to stderr, not into the conversation.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    django.setup()
    from django.db import connections

    for line in sys.stdin:
        printed = io.StringIO()
        answer = {}
        try:
            with contextlib.redirect_stdout(printed):
                exec(json.loads(line), {"__name__": "__site_shell__"})  # noqa: S102 - the tests' own code
        except Exception:  # noqa: BLE001 - the caller raises it, with the traceback
            answer["error"] = traceback.format_exc()
        finally:
            # No connection left open between calls: the server and its worker write too.
            connections.close_all()
        answer["printed"] = printed.getvalue()
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
