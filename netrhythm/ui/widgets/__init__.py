"""Widgets shared by the screens: practice rows, panels, the contact table, form fields."""
