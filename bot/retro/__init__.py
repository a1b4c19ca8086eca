"""Team retrospectives: the board, closing into actions, follow-ups and exports."""
