"""The kernel provisioner that puts a kernel inside the sandbox.

Registered as the ``codecall-sandbox`` entry point of ``jupyter_client.kernel_provisioners``.
It wraps the launch command of jupyter_client's local provisioner in the sandbox's; its
kernel manager (``SandboxedKernelManager``) carries what this one kernel is given.
"""

from __future__ import annotations

import os
from typing import Any

from jupyter_client.provisioning import LocalProvisioner


class SandboxProvisioner(LocalProvisioner):
    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        launch = getattr(self.parent, "sandbox_launch", None)
        if launch is None:
            raise RuntimeError(
                "The codecall-sandbox provisioner runs kernels for CodeCall's runner only."
            )
        kwargs = await super().pre_launch(**kwargs)
        connection_file = launch.connection_file
        if launch.run_as is not None:
            uid, gid = launch.run_as
            os.chown(connection_file, uid, gid)
            os.chown(launch.ipc_dir, uid, gid)
        kwargs["cmd"] = launch.policy.command(launch.kernel_dir, kwargs["cmd"], launch.cgroup_procs)
        # The launch chain itself needs only a PATH; bwrap clears the rest anyway.
        kwargs["env"] = {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"}
        kwargs["cwd"] = launch.kernel_dir
        return kwargs
