"""Engine behaviour: seeding, themes, params, aliases, errors, output, thread safety."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from bananajam.assets import all_themes, call_asset, default_registry, get_theme, resolve
from bananajam.assets.params import param_space
from bananajam.errors import FieldError, UnknownAssetError, UnknownThemeError

ONE_PER_CATEGORY = ["void_parchment", "void_lotus", "giraffe", "gilded_cog", "void_monolith"]


def _digest(name: str, index: int, theme: str | None = None) -> str:
    return hashlib.sha256(call_asset(name, index, theme).encode("png")).hexdigest()


def test_same_call_gives_identical_png_bytes_across_processes_and_hash_seeds() -> None:
    script = (
        "import hashlib, json, sys\n"
        "from bananajam.assets import call_asset\n"
        f"names = {ONE_PER_CATEGORY!r}\n"
        "print(json.dumps({n: hashlib.sha256(call_asset(n, 7, width=96, height=96)"
        ".encode('png')).hexdigest() for n in names}))\n"
    )
    outs = []
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        res = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outs.append(json.loads(res.stdout))
    assert outs[0] == outs[1]
    local = {
        n: hashlib.sha256(call_asset(n, 7, width=96, height=96).encode("png")).hexdigest()
        for n in ONE_PER_CATEGORY
    }
    assert local == outs[0]


def test_different_indices_give_different_pictures() -> None:
    assert _digest("void_lotus", 1) != _digest("void_lotus", 2)


def test_concurrent_calls_from_many_threads_give_identical_bytes() -> None:
    expected = _digest("void_lotus", 5)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: _digest("void_lotus", 5), range(16)))
    assert set(results) == {expected}


def test_metadata_describes_the_render() -> None:
    r = call_asset("void_lotus", 3, "astral_blue", width=128, height=96)
    m = r.meta
    assert (m.name, m.category, m.index, m.theme) == ("void_lotus", "glyphs", 3, "astral_blue")
    assert (m.width, m.height) == (128, 96)
    assert m.engine_version and len(m.content_hash) == 32 and m.seed > 0
    model = default_registry().get("void_lotus").params_model
    assert {d.name for d in param_space(model)} <= set(m.params)
    assert model.model_validate(m.params).model_dump(mode="json") == m.params


def test_themes_keep_the_original_four_exactly_and_add_more() -> None:
    themes = {t.name: t for t in all_themes()}
    assert len(themes) >= 8
    vp = themes["void_purple"]
    assert (vp.ink, vp.glow, vp.parchment, vp.accent) == (
        (30, 20, 45),
        (210, 140, 255),
        (15, 10, 18),
        (180, 120, 220),
    )
    assert (vp.saturation, vp.contrast) == (1.2, 1.1)
    assert themes["sepia_ancient"].parchment == (60, 50, 40)
    assert [t.name for t in all_themes()][:4] == [
        "void_purple",
        "astral_blue",
        "sepia_ancient",
        "fungal_green",
    ]


def test_theme_follows_index_when_not_given() -> None:
    n = len(all_themes())
    assert call_asset("void_orb", 0).meta.theme == all_themes()[0].name
    assert resolve("void_orb", n + 1).theme == all_themes()[1].name


def test_theme_saturation_and_contrast_are_applied_to_the_palette() -> None:
    vp = get_theme("void_purple")
    assert vp.palette().glow != vp.glow  # 1.2 saturation, 1.1 contrast change the colour
    ab = get_theme("astral_blue")
    assert ab.palette().glow == ab.glow  # figures of 1.0 leave it alone


def test_aliases_resolve_to_their_types() -> None:
    reg = default_registry()
    assert reg.get("parchment").name == "void_parchment"
    assert reg.get("enso").name == "ink_enso"
    for same in ("sigil", "giraffe", "kangaroo"):
        assert reg.get(same).name == same
    assert call_asset("enso", 2, width=64, height=64).meta.name == "ink_enso"


def test_unknown_names_raise_with_close_matches() -> None:
    with pytest.raises(UnknownAssetError) as exc:
        call_asset("void_lotsu")
    assert "void_lotus" in exc.value.suggestions
    assert "Did you mean 'void_lotus'" in exc.value.message
    with pytest.raises(UnknownThemeError) as th:
        call_asset("void_lotus", theme="astral_blu")
    assert th.value.suggestions[0] == "astral_blue"


def test_explicit_params_override_mapped_ones() -> None:
    t = default_registry().get("void_lotus")
    dim = param_space(t.params_model)[0]
    mapped = resolve("void_lotus", 4).params[dim.name]
    other = dim.value(0.0) if mapped != dim.value(0.0) else dim.value(0.99)
    r = resolve("void_lotus", 4, params={dim.name: other})
    assert r.params[dim.name] == other


def test_bad_params_and_sizes_name_the_field() -> None:
    with pytest.raises(FieldError) as exc:
        call_asset("void_lotus", params={"no_such_param": 1})
    assert exc.value.fields[0]["field"] == "params.no_such_param"
    with pytest.raises(FieldError) as size:
        call_asset("void_lotus", width=4000)
    assert size.value.fields[0]["field"] == "width"
    with pytest.raises(FieldError) as idx:
        call_asset("void_lotus", index=-1)
    assert idx.value.fields[0]["field"] == "index"


def test_png_and_webp_encode_deterministically() -> None:
    r = call_asset("void_orb", 1, width=64, height=64)
    png, webp = r.encode("png"), r.encode("webp")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and webp[8:12] == b"WEBP"
    assert r.encode("png") == png and r.encode("webp") == webp
    decoded = Image.open(io.BytesIO(png))
    assert decoded.size == (64, 64) and decoded.mode == "RGBA"


def test_listing_the_catalogue_renders_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from bananajam.assets import engine

    def fail(*_a: object, **_k: object) -> None:
        raise AssertionError("listing must not render")

    monkeypatch.setattr(engine, "render", fail)
    described = [t.describe() for t in default_registry()]
    assert len(described) == len(default_registry())
    assert all("properties" in d["params"] or d["params"]["type"] == "object" for d in described)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc tuning")
def test_allocator_tuning_applies_on_glibc_and_yields_to_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bananajam.assets._memory import keep_freed_buffers

    assert keep_freed_buffers() is True  # this machine and Lambda run glibc
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "131072")
    assert keep_freed_buffers() is False  # an operator's own setting wins


def test_rendering_after_import_does_not_fault_memory_back_in() -> None:
    code = (
        "import resource; from bananajam.assets import call_asset\n"
        "for i in range(3): call_asset('void_parchment', i).encode('png')\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
        "for i in range(3, 9): call_asset('void_parchment', i).encode('png')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    faults = int(subprocess.check_output([sys.executable, "-c", code], env=env, text=True))
    # Six 1024x1024 renders: ~3,000 page faults each with glibc's defaults, ~40 in all tuned.
    assert faults < 1500
