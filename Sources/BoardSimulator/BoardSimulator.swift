// BoardSimulator target: see docs/ARCHITECTURE.md
