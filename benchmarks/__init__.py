"""Benchmark harness for the News Digest site (see README.md)."""
