"""Every subcommand of `python -m bot` explains itself."""

from __future__ import annotations

import argparse

from bot.cli import build_parser


def test_every_subcommand_has_help_and_a_description() -> None:
    parser, commands = build_parser()
    [subcommands] = [
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ]
    helps = {choice.dest: choice.help for choice in subcommands._choices_actions}
    assert {"check", "backup", "restore"} <= set(subcommands.choices)
    for name, subparser in subcommands.choices.items():
        assert helps[name], name
        assert subparser.description, name
    assert set(commands) | {"check"} == set(subcommands.choices)
