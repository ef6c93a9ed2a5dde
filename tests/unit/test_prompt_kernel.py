"""Graded kernels are ready as soon as they answer, and a kernel that dies while starting is reported."""

from __future__ import annotations

import asyncio

import pytest

from mlcourse.instructor.prompt_kernel import PromptKernelClient, PromptKernelManager

pytestmark = pytest.mark.slow  # starts real kernels


def test_a_prompt_kernel_answers_once_ready():
    async def run():
        manager = PromptKernelManager(kernel_name="python3")
        await manager.start_kernel()
        client = manager.client()
        assert isinstance(client, PromptKernelClient)
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            reply = await client.execute_interactive("x = 6 * 7", timeout=30)
            assert reply["content"]["status"] == "ok"
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
        assert not await manager.is_alive()

    asyncio.run(run())


def test_a_kernel_that_dies_while_starting_is_reported():
    async def run():
        manager = PromptKernelManager(kernel_name="python3")
        await manager.start_kernel(extra_arguments=["--IPKernelApp.exec_lines=import os; os._exit(1)"])
        client = manager.client()
        client.start_channels()
        try:
            with pytest.raises(RuntimeError, match="died before replying"):
                await client.wait_for_ready(timeout=60)
        finally:
            client.stop_channels()
            await manager.cleanup_resources()

    asyncio.run(run())
