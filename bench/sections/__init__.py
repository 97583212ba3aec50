"""The sections of `make bench`, one module per thing measured; bench/run.py runs them."""
