"""The session channel: one WebSocket per session and browser tab, carrying presence,
the waiting room, WebRTC signaling, chat and activity in real time."""
