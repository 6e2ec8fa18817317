"""jetbot's benchmark suite: ``python -m benchmarks.run`` (``--quick`` for a short run)."""
