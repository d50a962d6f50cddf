"""The desktop interface: the only package that imports Qt. It shows what the domain decides."""
