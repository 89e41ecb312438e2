"""factwire's benchmarks: extraction speed, the Kafka plumbing ceiling, and the worker end to end.

Run with ``make bench`` (full) or ``make bench BENCH_ARGS=--quick`` (a smoke run of minutes).
"""
