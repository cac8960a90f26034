from assistant.cli import app

app(prog_name="assistant")
