"""The command line speaks the chosen language: --help, argparse's own words, table headers."""

from __future__ import annotations

import argparse
import re

import pytest

from inspector_app.cli.translated import help_text
from inspector_app.domain import messages
from tests.cli.conftest import Cli, assert_user_error


@pytest.fixture
def cli(tmp_path) -> Cli:
    folder = tmp_path / "data"
    cli = Cli(folder, in_process=True)
    assert cli("init").returncode == 0
    assert cli("users", "add", "Ada", "--role", "admin").returncode == 0
    return cli


def _texts(parser: argparse.ArgumentParser, path: str = "inspector") -> dict[str, str]:
    """Every help text, description and epilog of `parser` and its sub-commands."""
    out = {f"{path} description": parser.description or ""}
    if parser.epilog:
        out[f"{path} epilog"] = parser.epilog
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            out[f"{path} {'/'.join(action.option_strings) or action.dest}"] = action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                out[f"{path} {choice.dest} (in the list)"] = choice.help or ""
            for name, sub in action.choices.items():
                out.update(_texts(sub, f"{path} {name}"))
    return out


def test_every_help_text_has_a_chinese_translation():
    from inspector_app.cli.main import build_parser

    messages.set_language("zh_CN")
    try:
        texts = {k: help_text(v) for k, v in _texts(build_parser()).items()}
    finally:
        messages.set_language("en")
    english = _texts(build_parser())
    assert len(english) > 150
    untranslated = [
        f"{where}: {text!r}" for where, text in texts.items()
        if re.search("[a-z]{3}", text) and text == english[where]
        and not re.fullmatch(r"[\x00-\x7f]*[A-Z_]{2,}[\x00-\x7f]*", text)  # metavar-only
    ]
    assert untranslated == []


def test_help_in_both_languages(cli):
    zh = cli("--lang", "zh_CN", "restore", "--help")
    assert zh.returncode == 0
    for words in ("用法：", "位置参数", "选项", "全局选项", "显示此帮助信息并退出",
                  "要恢复的备份，或备份所在的文件夹", "不先询问（供脚本使用）"):
        assert words in zh.stdout, words
    assert not re.search(r"\b(usage|options|show this help|the backup to restore)\b", zh.stdout)
    en = cli("restore", "--help")
    for words in ("usage:", "positional arguments", "options:", "global options",
                  "show this help message and exit", "the backup to restore"):
        assert words in en.stdout, words
    assert not re.search("[\u4e00-\u9fff]", en.stdout)
    top = cli("--lang", "zh_CN", "--help")
    assert "命令" in top.stdout and "列出神买订单" in top.stdout and "整改单" in top.stdout
    # The examples block too, with the command lines exactly as typed.
    assert "示例：" in top.stdout and "examples:" not in top.stdout
    assert "for a command's options" not in top.stdout
    english = cli("--help").stdout
    typed = [line for line in english.splitlines() if line.startswith("  inspector ")]
    assert len(typed) == 7 and all(line in top.stdout.splitlines() for line in typed)


def test_argparse_errors_in_chinese(cli):
    line = assert_user_error(cli("--lang", "zh_CN", "restore"), "缺少以下参数", "DIR")
    assert "error" not in line.split(":", 1)[1]
    line = assert_user_error(cli("restore"), "the following arguments are required", "DIR")


def test_tables_in_both_languages(cli):
    zh = cli("--lang", "zh_CN", "users")
    assert zh.returncode == 0
    assert zh.stdout.splitlines()[0].split() == ["编号", "名称", "角色"]
    assert "管理员" in zh.stdout
    en = cli("users")
    assert en.stdout.splitlines()[0].split() == ["ID", "NAME", "ROLE"]
    assert "admin" in en.stdout
    # JSON stays machine-readable whatever the language.
    assert cli.json("--lang", "zh_CN", "users") == cli.json("users")
    assert cli.json("users")[0]["role"] == "admin"
    # An unknown language is refused in one line.
    assert_user_error(cli("--lang", "fr", "users"), "--lang")
