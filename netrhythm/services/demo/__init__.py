"""Demo data: a realistic year of networking, the same every time for the same seed and day."""
