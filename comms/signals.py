"""Bounces and complaints reported by the mail provider (anymail's tracking signal)."""
