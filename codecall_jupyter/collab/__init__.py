"""Collaborative documents: the durable history, its rooms, and the document types."""
