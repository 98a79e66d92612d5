"""Tests for diagrams_lib.text: deterministic measuring and wrapping."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from diagrams_lib import _metrics_data as data
from diagrams_lib.text import LINE_HEIGHT, TextBlock, measure_block, text_width, wrap

ROOT = Path(__file__).resolve().parent.parent
SIZES = (9, 11.5, 14, 20)
LONG_WORD = "pneumonoultramicroscopicsilicovolcanoconiosis"
URL = "https://example.com/some/very/long/path/to/a/resource_name.html?query=value&x=1"
WRAP_TEXTS = (
    "",
    "a",
    "The quick brown fox jumps over the lazy dog",
    LONG_WORD,
    f"see {URL} for details",
    "state-of-the-art-hyphenated-compound-word in a sentence",
    "snake_case_identifier_that_is_rather_long.and.dotted:with:colons",
    "   leading   and   trailing   spaces   ",
    "first line\nsecond line\n\nfourth after an empty one",
    "tabs\tand\t\tspaces  mixed",
    "Überprüfung der Größenänderung — «naïve» façade, Ελληνικά κείμενα",
    "東京都千代田区丸の内一丁目東京駅前の長い住所",
    "emoji 😀🎉 and a zero\u200bwidth space",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
)
MAX_WIDTHS = (1, 25, 60, 100, 250)


def test_empty_text_has_zero_width() -> None:
    assert text_width("", size=14) == 0.0


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("size", SIZES)
def test_widths_are_additive(size: float, bold: bool) -> None:
    samples = ["Hello", ", ", "world", "Ωμέγα", "東京", "→ x", LONG_WORD]
    whole = text_width("".join(samples), size=size, bold=bold)
    parts = sum(text_width(s, size=size, bold=bold) for s in samples)
    # Each part is rounded up to 0.01 px, so the sum may exceed the whole by < 0.01 per part.
    assert whole <= parts + 1e-9
    assert parts - whole < 0.01 * len(samples)


def test_width_scales_with_size() -> None:
    assert text_width("Hello, world", size=28) == pytest.approx(
        2 * text_width("Hello, world", size=14), abs=0.011
    )


def test_known_value() -> None:
    # H e l l o , space w o r l d, all DejaVu-wider: 752+616+278+278+612+318+318+818+612+412
    # +278+635 = 5927 thousandths of an em.
    assert text_width("Hello, world", size=14) == 82.98
    assert text_width("Hello, world", size=14, bold=True) == 94.98


def test_bold_table_never_below_regular() -> None:
    assert data.BOLD.keys() == data.REGULAR.keys()
    assert all(data.BOLD[cp] >= w for cp, w in data.REGULAR.items())


@pytest.mark.parametrize("bold", [False, True])
def test_w_wider_than_i(bold: bool) -> None:
    assert text_width("W", size=12, bold=bold) > 2 * text_width("i", size=12, bold=bold)


@pytest.mark.parametrize("ch", ["東", "あ", "한", "\uff21", "\u3000"])
@pytest.mark.parametrize("bold", [False, True])
def test_east_asian_wide_is_one_em(ch: str, bold: bool) -> None:
    assert text_width(ch, size=16, bold=bold) == 16.0
    assert text_width(ch * 10, size=10, bold=bold) == 100.0


ZERO_WIDTH = ["\u200b", "\u200d", "\ufeff", "\u0301", "\u20dd", "\ufe0f", "\u00ad"]


@pytest.mark.parametrize("ch", ZERO_WIDTH)
def test_zero_width_characters(ch: str) -> None:
    assert text_width(ch, size=14) == 0.0
    assert text_width(f"ab{ch}c", size=14) == text_width("abc", size=14)


def test_emoji_and_symbols_are_conservative() -> None:
    assert text_width("😀", size=10) == 12.5
    assert text_width("\U0001fae8", size=10) == 12.5  # newer than some unicodedata versions
    assert text_width("★", size=10) == 12.5


def test_unknown_characters_are_at_least_one_em() -> None:
    for ch in ["א", "ب", "क", "ก", "\ue000"]:
        assert text_width(ch, size=10) >= 10.0
        assert text_width(ch, size=10) >= text_width("W", size=10)


def test_whitespace_controls_count_as_space() -> None:
    space = text_width(" ", size=14)
    assert text_width("\t", size=14) == space
    assert text_width("\n", size=14) == space


@pytest.mark.parametrize(
    ("ch", "regular", "bold"),
    [
        ("m", 975, 1042),  # DejaVu 974.1 / 1042.0 beats Helvetica 833 / 889
        ("W", 989, 1104),  # DejaVu 988.8 beats Helvetica 944
        ("\u2013", 557, 557),  # en dash: Helvetica 556 / Liberation 556.15 beat DejaVu 500
        ("→", 1000, 1000),  # Liberation 1000 beats DejaVu 837.9 (not in the Adobe set)
        ("≤", 838, 838),  # DejaVu 837.9 beats Liberation 548.8
        ("@", 1016, 1016),  # bold raised to regular (DejaVu Bold 1000 < DejaVu 1015.6)
        ("↚", 1000, 1000),  # only DejaVu has it (838): raised to 1 em
    ],
)
def test_table_holds_max_over_fonts(ch: str, regular: int, bold: int) -> None:
    assert data.UNITS_PER_EM == 1000
    assert data.REGULAR[ord(ch)] == regular
    assert data.BOLD[ord(ch)] == bold


def test_table_covers_required_characters() -> None:
    required = [chr(c) for c in range(0x20, 0x7F)]
    required += [chr(c) for c in range(0xA0, 0x180) if c != 0xAD]
    required += list("–—‘’“”•…€™→←↑↓≈≤≥×÷±")
    required += [chr(c) for c in range(0x391, 0x3CA) if c != 0x3A2]
    for table in (data.REGULAR, data.BOLD):
        missing = [ch for ch in required if ord(ch) not in table]
        assert not missing
        assert all(isinstance(w, int) and 0 <= w < 2000 for w in table.values())


def test_wrapped_lines_fit_and_keep_every_character() -> None:
    for text in WRAP_TEXTS:
        for max_width in MAX_WIDTHS:
            for bold in (False, True):
                lines = wrap(text, max_width=max_width, size=12, bold=bold)
                case = (text, max_width, bold)
                assert all(
                    len(line) == 1 or text_width(line, size=12, bold=bold) <= max_width
                    for line in lines
                ), case
                assert "".join("".join(lines).split()) == "".join(text.split()), case
                assert all(line == line.strip() and "  " not in line for line in lines), case
                paragraphs = [p for p in text.split("\n") if p.strip()]
                assert sum(1 for line in lines if line) >= len(paragraphs), case


def test_long_word_is_split_into_exact_pieces() -> None:
    lines = wrap(LONG_WORD, max_width=60, size=12)
    assert len(lines) > 1
    assert "".join(lines) == LONG_WORD
    assert all(lines) and all(text_width(p, size=12) <= 60 for p in lines)


def test_url_breaks_after_slashes() -> None:
    lines = wrap(URL, max_width=120, size=12)
    assert "".join(lines) == URL
    assert all(line[-1] in "-/_.:" for line in lines[:-2])


def test_hyphenated_word_breaks_after_hyphen() -> None:
    word = "state-of-the-art-hyphenated-compound-word"
    lines = wrap(word, max_width=80, size=12)
    assert "".join(lines) == word
    assert all(line.endswith("-") for line in lines[:-1])


def test_tiny_max_width_gives_one_character_per_line() -> None:
    assert wrap("abc de", max_width=0, size=12) == ["a", "b", "c", "d", "e"]


def test_hard_line_breaks() -> None:
    assert wrap("one\ntwo", max_width=500, size=12) == ["one", "two"]
    assert wrap("one\r\ntwo\rthree", max_width=500, size=12) == ["one", "two", "three"]
    assert wrap("a\n\nb\n", max_width=500, size=12) == ["a", "", "b", ""]


def test_whitespace_collapses() -> None:
    assert wrap("  a \t  b    c  ", max_width=500, size=12) == ["a b c"]
    assert wrap("   ", max_width=500, size=12) == [""]
    assert wrap("a\u00a0b", max_width=500, size=12) == ["a\u00a0b"]  # NBSP does not break


def test_empty_text_gives_one_empty_line() -> None:
    assert wrap("", max_width=100, size=12) == [""]


def test_greedy_fill() -> None:
    words = ["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh"]
    width = text_width("aa bb cc", size=10)
    assert wrap(" ".join(words), max_width=width, size=10) == ["aa bb cc", "dd ee ff", "gg hh"]


def test_measure_block() -> None:
    block = measure_block("The quick brown fox jumps", max_width=70, size=10)
    assert isinstance(block, TextBlock)
    assert block.lines == tuple(wrap("The quick brown fox jumps", max_width=70, size=10))
    assert block.width == max(text_width(line, size=10) for line in block.lines)
    assert block.height == len(block.lines) * 10 * LINE_HEIGHT
    assert (block.size, block.bold) == (10, False)
    with pytest.raises(AttributeError):
        block.width = 1.0  # type: ignore[misc]


def test_measure_block_line_height_and_bold() -> None:
    block = measure_block("a\nb\nc", max_width=100, size=11, bold=True, line_height=1.1)
    assert block.lines == ("a", "b", "c") and block.bold
    assert block.height == 36.3
    assert measure_block("", max_width=100, size=10) == TextBlock(
        lines=("",), size=10, bold=False, width=0.0, height=12.5
    )


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError):
        text_width("a", size=0)
    with pytest.raises(ValueError):
        wrap("a", max_width=-1, size=10)
    with pytest.raises(ValueError):
        measure_block("a", max_width=10, size=10, line_height=0)


def test_deterministic_across_processes() -> None:
    code = (
        "from diagrams_lib.text import text_width, wrap\n"
        f"print(repr(text_width({URL!r} * 3, size=13.3, bold=True)))\n"
        f"print(repr(wrap({WRAP_TEXTS[10]!r}, max_width=77.7, size=11)))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        for _ in range(2)
    }
    assert len(runs) == 1
    expected = (
        f"{text_width(URL * 3, size=13.3, bold=True)!r}\n"
        f"{wrap(WRAP_TEXTS[10], max_width=77.7, size=11)!r}\n"
    )
    assert runs == {expected}
