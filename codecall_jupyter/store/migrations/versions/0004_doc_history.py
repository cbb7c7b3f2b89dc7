"""doc history: every collaborative document update, and checkpoints for replay

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "doc_updates",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("room", sa.String(length=160), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doc_updates")),
    )
    with op.batch_alter_table("doc_updates", schema=None) as batch_op:
        batch_op.create_index("ix_doc_updates_room_id", ["room", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_doc_updates_session_id"), ["session_id"], unique=False)
    op.create_table(
        "doc_checkpoints",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("room", sa.String(length=160), nullable=False),
        sa.Column("upto_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doc_checkpoints")),
        sa.UniqueConstraint("room", "upto_id", name=op.f("uq_doc_checkpoints_room")),
    )


def downgrade() -> None:
    op.drop_table("doc_checkpoints")
    op.drop_table("doc_updates")
