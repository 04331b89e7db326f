"""The `bananajam` command, run as a real subprocess from the project's virtual environment."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from PIL import Image

BIN = Path(sys.executable).parent / "bananajam"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN), *args], check=False, capture_output=True, text=True, timeout=300
    )


def test_list_prints_the_catalogue_and_filters_by_category() -> None:
    res = run("list", "--category", "ui", "--json")
    assert res.returncode == 0, res.stderr
    entries = json.loads(res.stdout)
    assert entries and {e["category"] for e in entries} == {"ui"}
    assert "gilded_cog" in {e["name"] for e in entries}
    plain = run("list")
    assert "void_lotus" in plain.stdout and plain.returncode == 0


def test_generate_writes_png_and_webp(tmp_path: Path) -> None:
    png = tmp_path / "lotus.png"
    res = run(
        "generate",
        "void_lotus",
        "--index",
        "3",
        "--theme",
        "astral_blue",
        "--width",
        "80",
        "--height",
        "60",
        "-o",
        str(png),
    )
    assert res.returncode == 0, res.stderr
    assert Image.open(png).size == (80, 60)
    assert json.loads(res.stderr)["theme"] == "astral_blue"
    webp = tmp_path / "lotus.webp"
    assert (
        run("generate", "enso", "--width", "64", "--height", "64", "-o", str(webp)).returncode == 0
    )
    assert Image.open(webp).format == "WEBP"


def test_generate_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    res = run("generate", "void_lotsu", "-o", str(out))
    assert res.returncode != 0 and "Traceback" not in res.stderr
    assert "Did you mean 'void_lotus'" in res.stderr and not out.exists()
    bad = run("generate", "void_lotus", "--param", "nope=1", "-o", str(out))
    assert bad.returncode == 2 and "params.nope" in bad.stderr
    malformed = run("generate", "void_lotus", "--param", "justakey", "-o", str(out))
    assert malformed.returncode == 2 and "key=value" in malformed.stderr


def test_render_spec_and_its_errors(tmp_path: Path) -> None:
    spec = tmp_path / "s.json"
    spec.write_text(
        json.dumps(
            {
                "name": "tiny",
                "category": "glyphs",
                "width": 64,
                "height": 64,
                "layers": [{"type": "ring", "params": {"radius": 20}}],
            }
        )
    )
    out = tmp_path / "s.png"
    assert run("render-spec", str(spec), "--index", "2", "-o", str(out)).returncode == 0
    assert Image.open(out).size == (64, 64)
    spec.write_text(
        json.dumps(
            {
                "name": "tiny",
                "category": "glyphs",
                "width": 64,
                "height": 64,
                "layers": [{"type": "ring", "radius": 0}],
            }
        )
    )
    res = run("render-spec", str(spec), "-o", str(out))
    assert res.returncode == 2 and "layers[0].radius: must be > 0" in res.stderr


def test_render_all_writes_category_folders(tmp_path: Path) -> None:
    res = run(
        "render-all",
        "--start",
        "0",
        "--end",
        "1",
        "--names",
        "void_orb",
        "rune_stone",
        "--out",
        str(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png"))
    assert files == [
        "glyphs/rune_stone_0.png",
        "glyphs/rune_stone_1.png",
        "glyphs/void_orb_0.png",
        "glyphs/void_orb_1.png",
    ]
    typo = run("render-all", "--names", "void_orbb", "--out", str(tmp_path / "none"))
    assert typo.returncode != 0 and not (tmp_path / "none").exists()


def test_sheet_and_pack(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.png"
    assert (
        run("sheet", "void_orb", "--count", "4", "--cell", "64", "-o", str(sheet)).returncode == 0
    )
    assert Image.open(sheet).width > 4 * 64
    pack = tmp_path / "pack.zip"
    res = run("pack", "--names", "void_orb", "rune_stone", "--count", "2", "-o", str(pack))
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(pack) as zf:
        manifest = json.loads(zf.read("manifest.json"))["items"]
        assert len(manifest) == 4
        for item in manifest:
            img = Image.open(zf.open(item["file"]))
            assert img.size == (item["width"], item["height"])
    assert run("pack", "--names", "void_orb", "--count", "0", "-o", str(pack)).returncode == 2
