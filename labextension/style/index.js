import './base.css';
import './lists.css';
import './sessions.css';
import './runs.css';
import './whiteboard.css';
import './replay.css';
