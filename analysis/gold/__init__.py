"""Hand-coded gold files: agreement with FrameLens, and training the frame model from them; imports scoring, ingest, base."""
