"""Runs on a schedule: logs the event's time and counts the invokes this warm environment has served."""
import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)

invocations = 0


def lambda_handler(event, context):
    global invocations
    invocations += 1
    logger.info("scheduled run at %s", event.get("time"))
    return {"invocations": invocations, "function": context.function_name, "source": event.get("source")}
