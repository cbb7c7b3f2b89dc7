"""``python -m codecall_polyglot -f <connection file>``: start the polyglot kernel."""

from ipykernel.kernelapp import IPKernelApp

from .kernel import PolyglotKernel

if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=PolyglotKernel)
