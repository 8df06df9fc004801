"""Every failure of the CLI ends in `error: …` and exit code 1 (issue 15, attack 10), and
`--help` works for every command."""

from __future__ import annotations

import argparse

import pytest

from indicators import cli


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


COMMANDS = list(_commands(cli.parser()))


def test_every_command_is_found():
    names = {c[0] for c in COMMANDS if c}
    assert {"build", "info", "import", "export", "serve"} <= names, names


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "(top)")
def test_help_works_for_every_command(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: partnership-monitor")


def test_a_usage_mistake_is_an_error_line_and_exit_1(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["info", "--no-such-option"])
    assert exit_.value.code == 1
    assert capsys.readouterr().err.splitlines()[-1].startswith("error: unrecognized arguments")


def test_an_unexpected_failure_is_one_error_line(monkeypatch, tmp_path, capsys):
    """A bug that escapes a command (here: the TypeError the review saw) is one line."""
    args = cli.parser().parse_args(["info", "--store", str(tmp_path / "x.duckdb")])

    def bug(_args):
        raise TypeError("%i format: a real number is required, not dict")

    args.run = bug
    monkeypatch.setattr(cli, "parser", lambda: argparse.Namespace(parse_args=lambda _: args))
    assert cli.main(["info"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: unexpected TypeError") and "Traceback" not in err
