"""Thin REST handlers: authenticate, authorize, validate, call one service, reply."""
