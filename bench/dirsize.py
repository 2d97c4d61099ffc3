#!/usr/bin/env python3
"""Prints `files raw_bytes gzip_bytes` of every file under DIR (gzip -6 per
file, as a web server compressing responses would send them)."""
import gzip
import sys
from pathlib import Path

files = [p for p in Path(sys.argv[1]).rglob("*") if p.is_file()]
raw = sum(p.stat().st_size for p in files)
gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
print(len(files), raw, gz)
