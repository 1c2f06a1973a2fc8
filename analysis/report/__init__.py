"""What the scores say: comparisons, the tidy tables behind every chart, findings in words; imports corpus and below, never charts or the dashboard."""
