from pathlib import Path

import pytest

from reportgen.paths import UnsafePathError, atomic_write, safe_join, slugify


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Freundschaftliche Gespräche", "freundschaftliche-gespraeche"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "item"),
        ("", "item"),
        ("/absolute/path", "absolute-path"),
        ("de.rt.com", "de.rt.com"),
        ("a" * 200, "a" * 80),
        ("Ωmega <script>", "omega-script"),  # other scripts are transliterated
        ("Лукашенко", "lukashenko"),
        ("Ελλάδα", "ellada"),
        ("-.-", "item"),
    ],
)
def test_slugify_is_safe(value: str, expected: str) -> None:
    assert slugify(value) == expected


def test_safe_join_refuses_escapes(tmp_path: Path) -> None:
    assert safe_join(tmp_path, "a/b.html") == tmp_path.resolve() / "a" / "b.html"
    for bad in ("../x", "/etc/passwd", "a/../../x", "a\x00b"):
        with pytest.raises(UnsafePathError):
            safe_join(tmp_path, bad)


def test_safe_join_refuses_symlink_out(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "link").symlink_to(tmp_path.parent)
    with pytest.raises(UnsafePathError):
        safe_join(tmp_path / "out", "link/x.html")


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.txt"
    atomic_write(target, "first")
    atomic_write(target, b"second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["file.txt"]
