"""Cited policy assistant for 国知发运字〔2025〕28号 (知识产权强国建设示范创建 2025—2027)."""

__version__ = "0.1.0"
