"""CodeCall under JupyterHub: the Hub API client, server sharing for admitted guests,
and the authorizer that limits shared-with users to their sessions."""
