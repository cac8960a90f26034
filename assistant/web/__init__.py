"""HTTP API and Gradio UI; the only package that knows FastAPI and Gradio."""
