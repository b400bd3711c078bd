package org.shanhai.messaging.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.types.Decimal128;
import org.shanhai.events.value.CountyCode;
import org.shanhai.events.value.Money;
import org.shanhai.events.value.ProjectId;

/**
 * How domain values are stored: money as Decimal128 (exact, never a double), calendar dates as
 * ISO strings (they sort and compare as dates), instants as BSON dates, counties and ids as their
 * strings. Each pair reads back what it wrote; null stays null.
 */
public final class Values {

  private Values() {
  }

  public static Decimal128 money(Money amount) {
    return amount == null ? null : new Decimal128(amount.yuan());
  }

  public static Money money(Object stored) {
    return stored == null ? null : Money.of(((Decimal128) stored).bigDecimalValue());
  }

  /** A rate or share: exact, with the scale it was given. */
  public static Decimal128 decimal(BigDecimal value) {
    return value == null ? null : new Decimal128(value);
  }

  public static BigDecimal decimal(Object stored) {
    return stored == null ? null : ((Decimal128) stored).bigDecimalValue();
  }

  public static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  public static LocalDate date(String stored) {
    return stored == null ? null : LocalDate.parse(stored);
  }

  public static Date instant(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public static Instant instant(Date stored) {
    return stored == null ? null : stored.toInstant();
  }

  public static String county(CountyCode county) {
    return county == null ? null : county.code();
  }

  public static CountyCode county(String stored) {
    return CountyCode.of(stored);
  }

  public static String project(ProjectId project) {
    return project == null ? null : project.value();
  }

  public static ProjectId project(String stored) {
    return ProjectId.of(stored);
  }

  /** True for the insert of an id (or unique key) that already exists. */
  public static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
