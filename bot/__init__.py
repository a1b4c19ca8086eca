"""learnloop: a Slack bot that turns a team channel into the organisation's learning memory."""
