package io.stancewire.model;

import java.time.LocalDate;

/**
 * The numbers behind a {@link Subscription#SPIKE} alert: the day's count of matching quotes reached {@code factor}
 * times the daily average of the {@code trailingDays} before it (and at least {@code minCount}).
 *
 * @param day             the UTC day (by publication time) that spiked
 * @param count           matching quotes on that day when the alert fired
 * @param trailingAverage their daily average over the trailing window (days without any count as 0)
 * @param threshold       the count the day had to reach: {@code max(minCount, factor × trailingAverage)}
 */
public record VolumeSpike(LocalDate day, long count, double trailingAverage, int trailingDays, double factor,
                          int minCount, double threshold) {}
