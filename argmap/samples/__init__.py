"""Sample articles shipped with argmap (the demo)."""

from pathlib import Path

DEMO_ARTICLE = Path(__file__).with_name("xiaomi-premiumization.zh.txt")
