"""Learnings: capturing, curating, finding and exporting them, and who may read them."""
