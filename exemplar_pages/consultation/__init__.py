"""The public consultation on nominees (DESIGN §9): comments in, moderation, the meeting summary, closing."""
