"""The two YAML readers (libyaml's parser for speed, PyYAML's for its messages) read the same
files to the same values and line numbers."""

from __future__ import annotations

import random

import pytest
import yaml

from generator import yamlio
from tests.conftest import ROOT

FILES = sorted(p for folder in ("catalog", "tests/fixtures", "editions") if (ROOT / folder).is_dir()
               for p in (ROOT / folder).rglob("*.yml")) + [ROOT / "site_config.yml"]


def located(value):
    """The value with every line number the loaders record."""
    if isinstance(value, dict):
        return ("map", value.line, sorted(value.key_lines.items(), key=str),
                [(str(k), located(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", value.line, value.item_lines, [located(v) for v in value])
    return (type(value).__name__, value)


@pytest.mark.skipif(not yamlio._FAST, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fast_and_python_readers_agree(path):
    text = path.read_text(encoding="utf-8-sig")
    assert located(yaml.load(text, Loader=yamlio._FastLoader)) == located(yaml.load(text, Loader=yamlio._Loader))


@pytest.mark.skipif(not yamlio._FAST, reason="PyYAML without libyaml")
def test_agree_on_damaged_files_too():
    """Damaged copies of the catalogue: where both readers accept a text, they agree on it."""
    rnd, marks = random.Random(2026), list(":-[]{}'\"#&*!|>,? \n\u2028\u00a0")
    texts = [p.read_text(encoding="utf-8-sig") for p in FILES]
    both = 0
    for _ in range(400):
        chars = list(rnd.choice(texts))
        for _ in range(rnd.randint(1, 3)):
            chars.insert(rnd.randrange(len(chars)), rnd.choice(marks))
        text = "".join(chars)
        try:
            fast = located(yaml.load(text, Loader=yamlio._FastLoader))
            slow = located(yaml.load(text, Loader=yamlio._Loader))
        except yaml.YAMLError:
            continue
        assert fast == slow, text
        both += 1
    assert both > 50  # the comparison really ran on many texts


def test_a_tab_still_gets_the_indonesian_message():
    from generator.errors import HandbookError, Source

    with pytest.raises(HandbookError) as raised:
        yamlio.parse_yaml("a:\n\t- b\n", Source("catalog/x.yml"))
    assert "karakter tab tidak boleh dipakai" in str(raised.value.problems[0])
