"""Renderers: functions from core results to text (Markdown, JSON, CSV) or rich renderables."""
