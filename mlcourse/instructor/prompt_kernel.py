"""Start and stop graded kernels without jupyter_client's fixed waits.

A submission's grading is mostly waiting for its kernel; two of those waits are fixed delays, not
work: jupyter_client drains IOPub for 0.2 s after every kernel becomes ready, and polls a killed
kernel every 0.1 s until it is gone. Together they were a quarter of a typical submission's grading
time (1.1 s), idle on every core. :class:`PromptKernelClient` is ready as soon as the kernel has
answered on both channels; :class:`PromptKernelManager` notices a kernel's end within 10 ms.
Nothing the learner's code sees changes: nbclient ignores IOPub messages that answer no cell of its
own, which is all the drain removed.
"""

from __future__ import annotations

import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type

__all__ = ["PromptKernelClient", "PromptKernelManager"]


class PromptKernelClient(AsyncKernelClient):
    """A kernel client whose ``wait_for_ready`` returns once the kernel answered, with no idle drain."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Ask for ``kernel_info`` until the reply comes on the shell channel and a message on IOPub
        (so IOPub is connected), as jupyter_client does; unlike it, return then."""
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.2)
                except Empty:
                    pass  # IOPub is not connected yet: ask again
                else:
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


class PromptKernelManager(AsyncKernelManager):
    """A kernel manager whose clients are :class:`PromptKernelClient` and that sees a kernel's end at once."""

    client_class = DottedObjectName(f"{__name__}.PromptKernelClient", config=True)
    client_factory = Type(PromptKernelClient, klass=AsyncKernelClient, config=True)

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        await super()._async_wait(pollinterval=pollinterval)
