"""Alembic environment: the connection always comes from codecall_jupyter.store.migrate."""

from alembic import context

from codecall_jupyter.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
