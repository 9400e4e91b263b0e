"""Rules about audio and video: autoplay, captions, audio description, transcripts."""
