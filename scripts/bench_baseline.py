#!/usr/bin/env python3
"""The Python baseline for `scripts/bench.sh`: the same model and the same sentences through
Hugging Face transformers, the way a Python implementation would usually do it (one padded
batch, mean pooling, normalisation).

Reads {"model_dir": ..., "sentences": [...], "runs": N, "threads": T} on stdin and prints
{"load_ms": ..., "median_ms": ..., "first_embedding": [...]} on stdout.
"""
import json
import os
import statistics
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402


def main() -> None:
    request = json.load(sys.stdin)
    torch.set_num_threads(request["threads"])
    started = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(request["model_dir"])
    model = AutoModel.from_pretrained(request["model_dir"]).eval()
    load_ms = (time.perf_counter() - started) * 1000

    def embed(sentences):
        batch = tokenizer(sentences, padding=True, truncation=True, max_length=256, return_tensors="pt")
        with torch.inference_mode():
            tokens = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1)

    embed(request["sentences"])  # warm-up, as the Rust side is warm too
    times = []
    for _ in range(request["runs"]):
        started = time.perf_counter()
        vectors = embed(request["sentences"])
        times.append((time.perf_counter() - started) * 1000)
    json.dump(
        {"load_ms": load_ms, "median_ms": statistics.median(times), "first_embedding": vectors[0].tolist()},
        sys.stdout,
    )


if __name__ == "__main__":
    main()
