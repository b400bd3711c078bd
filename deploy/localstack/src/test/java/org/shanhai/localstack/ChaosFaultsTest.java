package org.shanhai.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chaos run's fault schedule: the same seed plays the same faults, and every kind comes round in turn. */
class ChaosFaultsTest {

  @Test
  void theSameSeedPlaysTheSameFaultsInTheSameOrder() {
    assertThat(schedule(42, 50)).isEqualTo(schedule(42, 50)).isNotEqualTo(schedule(43, 50));
  }

  @Test
  void everyKindComesRoundOnceInEachTurnOfTheBag() {
    List<ChaosFaults.Fault> faults = schedule(7, ChaosFaults.Kind.values().length * 3);
    for (int turn = 0; turn < 3; turn++) {
      EnumSet<ChaosFaults.Kind> kinds = EnumSet.noneOf(ChaosFaults.Kind.class);
      int size = ChaosFaults.Kind.values().length;
      faults.subList(turn * size, (turn + 1) * size).forEach(f -> kinds.add(f.kind()));
      assertThat(kinds).as("turn " + turn).containsExactlyInAnyOrder(ChaosFaults.Kind.values());
    }
  }

  @Test
  void faultsAreBoundedAndResetsAreInstant() {
    for (ChaosFaults.Fault f : schedule(1, 200)) {
      assertThat(f.length()).isLessThanOrEqualTo(Duration.ofSeconds(8));
      assertThat(f.pause()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
      if (f.kind() == ChaosFaults.Kind.BROKER_RESET || f.kind() == ChaosFaults.Kind.DATABASE_RESET) {
        assertThat(f.length()).isZero();
      }
      boolean delay = f.kind() == ChaosFaults.Kind.BROKER_DELAY || f.kind() == ChaosFaults.Kind.DATABASE_DELAY;
      assertThat(f.delay().isZero()).as(f.describe()).isEqualTo(!delay);
      assertThat(f.describe()).isNotBlank();
    }
  }

  @Test
  void aCommandLineItCannotReadIsRefusedWithTheUsageBeforeAnythingStarts() throws Exception {
    for (String[] args : List.of(new String[] {"--changes"}, new String[] {"--changes", "many"},
        new String[] {"--minutes", "0"}, new String[] {"--faults", "3"})) {
      assertThat(ChaosRun.run(args, RunningStack.REPOSITORY, System.out)).as(String.join(" ", args)).isEqualTo(2);
    }
  }

  private static List<ChaosFaults.Fault> schedule(long seed, int count) {
    ChaosFaults faults = new ChaosFaults(seed);
    List<ChaosFaults.Fault> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(faults.next());
    }
    return list;
  }
}
