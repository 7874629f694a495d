"""Fixtures of the reliability tests: a small real file system for the disk-full tests."""

from tests.reliability.small_disk import small_disk

__all__ = ["small_disk"]
