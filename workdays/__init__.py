"""The Vietnamese working-day calendar (DESIGN §9): weekends, public holidays and announced swaps."""
