"""One article scored: lexicons and their YAML, cues, frame rules, model features and the model file, tone, keywords; imports ingest and the base modules."""
