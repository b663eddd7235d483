// PythonInterpreter target: see docs/ARCHITECTURE.md
