package org.shanhai.messaging.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.types.Decimal128;

/**
 * How domain values are stored: money as Decimal128 (exact, never a double), calendar dates as
 * ISO strings (they sort and compare as dates), instants as BSON dates.
 */
public final class Values {

  private Values() {
  }

  public static Decimal128 money(BigDecimal amount) {
    return amount == null ? null : new Decimal128(amount);
  }

  public static BigDecimal money(Object stored) {
    return stored == null ? null : ((Decimal128) stored).bigDecimalValue().setScale(2);
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

  /** True for the insert of an id (or unique key) that already exists. */
  public static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
