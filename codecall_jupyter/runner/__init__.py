"""The runner: sandboxed Jupyter kernels that run code and judge test cases."""
