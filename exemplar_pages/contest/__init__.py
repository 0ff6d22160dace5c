"""The writing contest "Gương người tốt quanh ta" (DESIGN §11): entries in, the office's queue, the jury."""
