package io.stancewire.alerts;

/** Whether a subscriber's delivery topic exists, asked before an alert is written to it. */
@FunctionalInterface
interface TopicExistence {
    boolean exists(String topic);
}
