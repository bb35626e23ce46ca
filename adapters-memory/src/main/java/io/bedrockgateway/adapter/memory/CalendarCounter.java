package io.bedrockgateway.adapter.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * An amount counted per UTC calendar period (a day, a month); only the current period is kept.
 * Callers synchronize on the instance.
 */
final class CalendarCounter {
  enum Period {
    DAY,
    MONTH;

    long indexOf(Instant at) {
      LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
      return this == DAY ? date.toEpochDay() : date.getYear() * 12L + date.getMonthValue() - 1;
    }

    Instant nextStart(Instant at) {
      LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
      LocalDate next =
          this == DAY ? date.plusDays(1) : date.withDayOfMonth(1).plus(1, ChronoUnit.MONTHS);
      return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private final Period period;
  private long current = Long.MIN_VALUE;
  private long amount;

  CalendarCounter(Period period) {
    this.period = period;
  }

  long used(Instant now) {
    return period.indexOf(now) == current ? amount : 0;
  }

  void add(Instant at, long value) {
    long index = period.indexOf(at);
    if (index != current) {
      current = index;
      amount = 0;
    }
    amount += value;
  }

  /**
   * Makes the period of {@code at} hold at least {@code value}; a period older than the one kept is
   * left alone.
   */
  void atLeast(Instant at, long value) {
    long index = period.indexOf(at);
    if (index > current) {
      current = index;
      amount = value;
    } else if (index == current) {
      amount = Math.max(amount, value);
    }
  }

  /** Replaces part of what was counted at {@code at}, if that period is still the one kept. */
  void adjust(Instant at, long delta) {
    if (period.indexOf(at) == current) {
      amount = Math.max(0, amount + delta);
    }
  }

  Instant nextPeriodStart(Instant now) {
    return period.nextStart(now);
  }
}
