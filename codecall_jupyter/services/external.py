"""Users another identity provider vouches for (JupyterHub): one account each."""

from __future__ import annotations

from .accounts import Account, AccountService


class ExternalUsers:
    """Maps an external username to its CodeCall account, creating it on first sight."""

    def __init__(self, accounts: AccountService, owner_name: str | None) -> None:
        self.accounts = accounts
        # Under JupyterHub, the user whose server this is ($JUPYTERHUB_USER).
        self.owner_name = owner_name
        self._cache: dict[str, Account] = {}

    def is_owner(self, external_id: str) -> bool:
        return self.owner_name is not None and external_id == self.owner_name

    async def account_for(self, external_id: str, display_name: str) -> Account:
        account = self._cache.get(external_id)
        if account is None:
            account = await self.accounts.ensure_external(external_id, display_name)
            self._cache[external_id] = account
        return account

    def forget(self, user_id: int) -> None:
        self._cache = {k: v for k, v in self._cache.items() if v.id != user_id}
